package dev.vk.emulator.ecs.exec;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;

/** Notes the data channel upgrade request's URI on the channel for {@link DataChannelHandler}. */
@ChannelHandler.Sharable
public final class DataChannelRequestCapture extends ChannelInboundHandlerAdapter {
  @Override
  public void channelRead(ChannelHandlerContext ctx, Object message) {
    if (message instanceof HttpRequest request
        && request.uri().startsWith(DataChannelPaths.PREFIX)) {
      ctx.channel().attr(DataChannelHandler.REQUEST_URI).set(request.uri());
    }
    ctx.fireChannelRead(message);
  }
}
