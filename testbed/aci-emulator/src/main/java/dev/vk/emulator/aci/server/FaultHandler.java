package dev.vk.emulator.aci.server;

import dev.vk.emulator.aci.arm.ArmException;
import dev.vk.emulator.aci.arm.ArmResponse;
import dev.vk.emulator.aci.faults.Calls;
import dev.vk.emulator.aci.faults.FaultDecision;
import dev.vk.emulator.aci.faults.FaultRule;
import dev.vk.emulator.aci.faults.Faults;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.util.AttributeKey;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Records each ARM and AAD call in {@link Calls}, then applies the {@link Faults} decision: added
 * latency (scheduled on the event loop, never blocking it) and an injected 429 or 5xx.
 */
@ChannelHandler.Sharable
public final class FaultHandler extends SimpleChannelInboundHandler<RoutedRequest> {

  /** When the connection was opened, until its first call takes it. */
  private static final AttributeKey<Instant> CONNECTED_AT = AttributeKey.valueOf("vk.connectedAt");

  private final Calls calls;
  private final Faults faults;
  private final ResponseWriter writer;

  /** A handler recording into {@code calls} and consulting {@code faults}. */
  public FaultHandler(Calls calls, Faults faults, ResponseWriter writer) {
    this.calls = calls;
    this.faults = faults;
    this.writer = writer;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    ctx.channel().attr(CONNECTED_AT).set(calls.now());
    ctx.fireChannelActive();
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, RoutedRequest request) {
    if (request.route().kind() == Route.Kind.ADMIN) {
      ctx.fireChannelRead(request);
      return;
    }
    String operation = request.route().operation();
    RoutedRequest counted =
        request.counted(
            calls.begin(
                operation,
                request.request().method(),
                request.request().uri(),
                ctx.channel().attr(CONNECTED_AT).getAndSet(null)));
    FaultDecision decision = faults.decide(operation);
    long delay = decision.latency().toMillis();
    if (delay > 0) {
      ctx.executor().schedule(() -> proceed(ctx, counted, decision), delay, TimeUnit.MILLISECONDS);
    } else {
      proceed(ctx, counted, decision);
    }
  }

  private void proceed(ChannelHandlerContext ctx, RoutedRequest request, FaultDecision decision) {
    if (decision.failure() == null) {
      ctx.fireChannelRead(request);
    } else {
      writer.write(ctx, request, failure(decision.failure(), request), true);
    }
  }

  /** The response ARM gives for the injected status. */
  static ArmResponse failure(FaultRule rule, RoutedRequest request) {
    return switch (rule.status()) {
      case 429 -> {
        long seconds = (rule.retryAfter().toMillis() + 999) / 1000;
        String kind = request.request().method().equals("GET") ? "read" : "write";
        yield ArmResponse.error(
                new ArmException(
                    429,
                    "SubscriptionRequestsThrottled",
                    "Number of '"
                        + kind
                        + "' requests for subscription exceeded. Please try again after '"
                        + seconds
                        + "' seconds after additional tokens are available."
                        + " Refer to https://aka.ms/arm-throttling"))
            .withHeader("Retry-After", Long.toString(seconds));
      }
      case 500 ->
          ArmResponse.error(
              new ArmException(
                  500,
                  "InternalServerError",
                  "Encountered internal server error. Diagnostic information: injected by the emulator."));
      case 503 ->
          ArmResponse.error(
              new ArmException(
                  503,
                  "ServiceUnavailable",
                  "The service is temporarily unavailable. Please try again later."));
      default ->
          ArmResponse.error(
              new ArmException(rule.status(), "InjectedFault", "Fault injected by the emulator."));
    };
  }
}
