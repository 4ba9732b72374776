package dev.vk.provider.fargate.exec;

import dev.vk.kubelet.types.StreamIO;
import dev.vk.provider.fargate.ecs.EcsErrors;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One running exec: a session returned by ExecuteCommand, joined to the client's streams. Owns the
 * pieces' lifetimes: the resend timer, the stdin thread, the socket. Whatever ends the exec (exit,
 * failure, or the caller cancelling because the client left) stops all three.
 */
final class ExecCall {
  /** How often unacknowledged input is checked for resending (the plugin checks this often). */
  static final Duration TICK = Duration.ofMillis(100);

  /**
   * How often a WebSocket ping goes out, as the plugin does, so that idle interactive sessions are
   * not dropped by proxies and load balancers on the way.
   */
  static final Duration PING = Duration.ofMinutes(5);

  private ExecCall() {}

  /** Starts the exec in the background; the future completes with its exit status. */
  static CompletableFuture<Integer> start(
      URI streamUrl, String token, StreamIO io, Runtime runtime) {
    StreamOutput output = new StreamOutput(io);
    DataChannelSocket socket = new DataChannelSocket(runtime.timers());
    DataChannelSession session = new DataChannelSession(socket, output, runtime.clock());
    CompletableFuture<Integer> exec = new CompletableFuture<>();
    // Not on the completing thread: that may be the shared timer, and finishing writes output.
    session
        .result()
        .whenCompleteAsync(
            (code, error) -> {
              output.finish();
              if (error != null) {
                exec.completeExceptionally(error);
              } else {
                exec.complete(code);
              }
            },
            runtime.threads());
    ScheduledFuture<?> ticks =
        runtime
            .timers()
            .scheduleWithFixedDelay(
                session::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    ScheduledFuture<?> pings =
        runtime
            .timers()
            .scheduleWithFixedDelay(
                socket::ping, PING.toMillis(), PING.toMillis(), TimeUnit.MILLISECONDS);
    exec.whenComplete(
        (code, error) -> {
          ticks.cancel(false);
          pings.cancel(false);
          if (error instanceof CancellationException) {
            session.terminate();
          }
          socket.close();
        });
    if (io.tty()) {
      io.onResize(session::resize);
    }
    if (io.stdin().isPresent()) {
      runtime.threads().execute(new StdinPump(io.stdin().get(), session, io.tty(), exec));
    } else if (!io.tty()) {
      // Kubernetes gives a command without stdin end-of-file at once; the remote terminal would
      // leave it waiting for input forever (e.g. a bare `cat`).
      session.endOfInput(false);
    }
    socket
        .open(runtime.http(), streamUrl, token, session)
        .exceptionally(
            error -> {
              exec.completeExceptionally(
                  EcsErrors.execChannel("cannot open " + streamUrl.getHost(), error));
              return null;
            });
    return exec;
  }

  /** What execs share: the WebSocket client, the stdin threads, the timers, the clock. */
  record Runtime(
      HttpClient http, ExecutorService threads, ScheduledExecutorService timers, Clock clock) {}
}
