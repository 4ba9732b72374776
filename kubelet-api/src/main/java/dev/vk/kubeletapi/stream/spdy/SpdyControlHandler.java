package dev.vk.kubeletapi.stream.spdy;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.spdy.DefaultSpdyGoAwayFrame;
import io.netty.handler.codec.spdy.DefaultSpdyPingFrame;
import io.netty.handler.codec.spdy.SpdyDataFrame;
import io.netty.handler.codec.spdy.SpdyGoAwayFrame;
import io.netty.handler.codec.spdy.SpdyPingFrame;
import io.netty.handler.codec.spdy.SpdyRstStreamFrame;
import io.netty.handler.codec.spdy.SpdySessionStatus;
import io.netty.handler.codec.spdy.SpdySynStreamFrame;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connection-level SPDY: echoes the client's pings (client-go pings every 5 s and gives up on a
 * silent peer), closes on GOAWAY, and answers undecodable input with GOAWAY(PROTOCOL_ERROR).
 * SETTINGS and WINDOW_UPDATE are dropped: no flow control here. Stream frames pass on.
 */
public final class SpdyControlHandler extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(SpdyControlHandler.class);

  private int lastClientStream;

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    log.trace("{} received {}", ctx.channel(), msg);
    if (msg instanceof SpdySynStreamFrame syn) {
      lastClientStream = Math.max(lastClientStream, syn.streamId());
      ctx.fireChannelRead(msg);
    } else if (msg instanceof SpdyDataFrame || msg instanceof SpdyRstStreamFrame) {
      ctx.fireChannelRead(msg);
    } else if (msg instanceof SpdyPingFrame ping) {
      // Odd ids are the client's; even ones would answer pings we never send.
      if ((ping.id() & 1) == 1) {
        ctx.writeAndFlush(new DefaultSpdyPingFrame(ping.id()));
      }
    } else if (msg instanceof SpdyGoAwayFrame) {
      ctx.close();
    } else {
      ReferenceCountUtil.release(msg);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // The frame decoder discards everything after an error, so the connection is over.
    log.debug("closing SPDY connection {}: {}", ctx.channel().remoteAddress(), cause.toString());
    ctx.writeAndFlush(
            new DefaultSpdyGoAwayFrame(lastClientStream, SpdySessionStatus.PROTOCOL_ERROR))
        .addListener(ChannelFutureListener.CLOSE);
  }
}
