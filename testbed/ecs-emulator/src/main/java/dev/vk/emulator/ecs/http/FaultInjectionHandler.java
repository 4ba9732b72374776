package dev.vk.emulator.ecs.http;

import dev.vk.emulator.ecs.fault.Faults;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.util.concurrent.TimeUnit;

/** Applies the injected {@link Faults} to each call: delay it, fail it, or let it through. */
@ChannelHandler.Sharable
public final class FaultInjectionHandler extends SimpleChannelInboundHandler<AwsCall> {
  private final Faults faults;
  private final AwsResponses responses;

  public FaultInjectionHandler(Faults faults, AwsResponses responses) {
    this.faults = faults;
    this.responses = responses;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, AwsCall call) {
    Faults.Decision decision = faults.decide(call.operation());
    if (decision.latency().isZero()) {
      proceed(ctx, call, decision);
    } else {
      ctx.executor()
          .schedule(
              () -> proceed(ctx, call, decision),
              decision.latency().toNanos(),
              TimeUnit.NANOSECONDS);
    }
  }

  private void proceed(ChannelHandlerContext ctx, AwsCall call, Faults.Decision decision) {
    if (decision.error() != null) {
      responses.error(ctx, call, decision.error());
    } else {
      ctx.fireChannelRead(call);
    }
  }
}
