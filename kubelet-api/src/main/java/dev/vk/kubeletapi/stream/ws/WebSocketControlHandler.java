package dev.vk.kubeletapi.stream.ws;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;

/** Answers pings and the close handshake; data frames pass on. */
public final class WebSocketControlHandler extends ChannelInboundHandlerAdapter {
  private boolean closing;

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof PingWebSocketFrame ping) {
      ctx.writeAndFlush(new PongWebSocketFrame(ping.content()));
    } else if (msg instanceof PongWebSocketFrame pong) {
      pong.release();
    } else if (msg instanceof CloseWebSocketFrame close) {
      if (closing) {
        close.release();
        ctx.close();
      } else {
        closing = true;
        ctx.writeAndFlush(close).addListener(ChannelFutureListener.CLOSE);
      }
    } else {
      ctx.fireChannelRead(msg);
    }
  }

  /** Starts a normal close (1000) from the server side. */
  public static void closeNormally(ChannelHandlerContext ctx) {
    ctx.channel()
        .writeAndFlush(new CloseWebSocketFrame(1000, ""))
        .addListener(ChannelFutureListener.CLOSE);
  }
}
