package dev.vk.emulator.aci.exec;

import dev.vk.emulator.aci.lifecycle.LogRenderer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Streams a container's output to an attach session: what is there on connect, then each new line
 * as it appears (polled every {@link #POLL}, since lines are computed from the clock).
 */
final class AttachStream {

  static final Duration POLL = Duration.ofMillis(500);

  private final Supplier<List<LogRenderer.Line>> logs;
  private final Tty tty;
  private Instant lastSent = Instant.MIN;
  private Runnable cancel;
  private boolean stopped;

  AttachStream(Supplier<List<LogRenderer.Line>> logs, Tty tty) {
    this.logs = logs;
    this.tty = tty;
  }

  void start() {
    poll();
  }

  void stop() {
    stopped = true;
    if (cancel != null) {
      cancel.run();
    }
  }

  private void poll() {
    if (stopped) {
      return;
    }
    StringBuilder out = new StringBuilder();
    Instant since = lastSent; // lines printed together share a timestamp
    for (LogRenderer.Line line : logs.get()) {
      if (line.at().isAfter(since)) {
        out.append(line.text()).append("\r\n");
        lastSent = line.at();
      }
    }
    if (out.length() > 0) {
      tty.print(out.toString());
    }
    cancel = tty.schedule(POLL, this::poll);
  }
}
