package dev.vk.provider.fargate.exec;

import dev.vk.kubelet.types.PortStream;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.fargate.ecs.EcsErrors;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One forwarded connection over an SSM port session in the basic protocol: the connection's bytes
 * travel as Output payloads of the data channel, one connection per session. Owns the pieces'
 * lifetimes like {@link ExecCall}: whatever ends the forward (the agent closing the channel, the
 * client's end-of-stream, a failure, or the caller cancelling) stops the timers, ends the session
 * and closes the socket.
 */
final class PortCall {
  /**
   * How long the agent may take to end the session after the client's connection closed before the
   * forward ends without it.
   */
  static final Duration END_GRACE = Duration.ofSeconds(10);

  private PortCall() {}

  /** Starts the forward in the background; the future completes when the connection ends. */
  static CompletableFuture<Void> start(
      URI streamUrl, String token, PortStream stream, ExecCall.Runtime runtime) {
    PortOutput output = new PortOutput(stream.output());
    DataChannelSocket socket = new DataChannelSocket(runtime.timers());
    DataChannelSession session =
        new DataChannelSession(socket, output, runtime.clock(), Payloads.BASIC_PORT_CLIENT_VERSION);
    CompletableFuture<Void> forward = new CompletableFuture<>();
    session
        .result()
        .whenCompleteAsync(
            (code, error) -> {
              output.close();
              if (error != null) {
                forward.completeExceptionally(error);
              } else if (!output.errors().isEmpty()) {
                // e.g. nothing listens on the port: the agent ends the session saying so.
                forward.completeExceptionally(
                    new ProviderException(
                        ProviderException.Kind.UNAVAILABLE,
                        "SSM port session ended: " + output.errors()));
              } else {
                forward.complete(null);
              }
            },
            runtime.threads());
    ScheduledFuture<?> ticks =
        runtime
            .timers()
            .scheduleWithFixedDelay(
                session::tick,
                ExecCall.TICK.toMillis(),
                ExecCall.TICK.toMillis(),
                TimeUnit.MILLISECONDS);
    ScheduledFuture<?> pings =
        runtime
            .timers()
            .scheduleWithFixedDelay(
                socket::ping,
                ExecCall.PING.toMillis(),
                ExecCall.PING.toMillis(),
                TimeUnit.MILLISECONDS);
    forward.whenComplete(
        (v, error) -> {
          ticks.cancel(false);
          pings.cancel(false);
          session.terminate();
          output.close();
          socket.close();
        });
    Runnable clientClosed =
        () ->
            runtime
                .timers()
                .schedule(
                    () -> forward.complete(null), END_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    runtime.threads().execute(new PortInputPump(stream.input(), session, forward, clientClosed));
    socket
        .open(runtime.http(), streamUrl, token, session)
        .exceptionally(
            error -> {
              forward.completeExceptionally(
                  EcsErrors.execChannel("cannot open " + streamUrl.getHost(), error));
              return null;
            });
    return forward;
  }
}
