package dev.vk.emulator.ecs.lifecycle;

import dev.vk.emulator.ecs.logs.LogEvent;
import dev.vk.emulator.ecs.logs.LogStore;
import java.time.Clock;
import java.util.List;

/**
 * A container's stdout and stderr as the awslogs driver ships them: one event per line, stamped
 * when written. Without awslogs the output is dropped, as it is on Fargate.
 */
final class ContainerLog {
  private final LogStore store;
  private final String group;
  private final String stream;
  private final Clock clock;
  private final StringBuilder partial = new StringBuilder();

  /** {@code group} null means no awslogs driver. */
  ContainerLog(LogStore store, String group, String stream, Clock clock) {
    this.store = store;
    this.group = group;
    this.stream = stream;
    this.clock = clock;
  }

  /** Output of the container's process (stdout and stderr alike); lines end in {@code \n}. */
  void write(String text) {
    partial.append(text);
    int newline;
    while ((newline = partial.indexOf("\n")) >= 0) {
      line(partial.substring(0, newline));
      partial.delete(0, newline + 1);
    }
  }

  /** Ships an unterminated last line, as the driver does when the container exits. */
  void flush() {
    if (partial.length() > 0) {
      line(partial.toString());
      partial.setLength(0);
    }
  }

  void line(String message) {
    if (group == null) {
      return;
    }
    long now = clock.millis();
    try {
      store.append(group, stream, List.of(new LogEvent(now, message, now)));
    } catch (RuntimeException deleted) {
      // The group was deleted under a running task; awslogs would drop the lines too.
    }
  }
}
