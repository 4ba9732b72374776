package dev.vk.kubeletapi.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Names of the HTTP-phase handlers, and the step that retires them when a connection is upgraded to
 * a streaming protocol. The HTTP codec itself is replaced by each protocol's upgrade.
 */
public final class HttpPipeline {
  public static final String TLS = "tls";
  public static final String READ_TIMER = "read-timer";
  public static final String CODEC = "http";
  public static final String IDLE = "idle";
  public static final String AGGREGATOR = "aggregator";
  public static final String READ_DONE = "read-done";
  public static final String PIPELINE_LIMIT = "pipeline-limit";
  public static final String AUTH = "auth";
  public static final String DISPATCHER = "dispatcher";

  private HttpPipeline() {}

  /**
   * Removes the request handlers and swaps the HTTP idle timer for the (long) streaming one, so
   * that an exec session idles for hours, not seconds.
   */
  public static void leave(ChannelPipeline pipeline, Duration streamIdleTimeout) {
    for (String name :
        new String[] {READ_TIMER, AGGREGATOR, READ_DONE, PIPELINE_LIMIT, AUTH, DISPATCHER}) {
      if (pipeline.get(name) != null) {
        pipeline.remove(name);
      }
    }
    if (pipeline.get(IDLE) != null) {
      pipeline.replace(IDLE, IDLE, idleTimer(streamIdleTimeout));
      pipeline.addAfter(IDLE, "idle-close", new CloseOnIdle());
    }
  }

  public static IdleStateHandler idleTimer(Duration timeout) {
    return new IdleStateHandler(0, 0, timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Closes an upgraded connection that stayed silent in both directions. */
  static final class CloseOnIdle extends ChannelInboundHandlerAdapter {
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      if (evt instanceof IdleStateEvent) {
        ctx.close();
        return;
      }
      ctx.fireUserEventTriggered(evt);
    }
  }
}
