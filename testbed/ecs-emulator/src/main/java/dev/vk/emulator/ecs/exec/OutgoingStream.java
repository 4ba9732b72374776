package dev.vk.emulator.ecs.exec;

import dev.vk.emulator.ecs.time.Scheduler;
import dev.vk.provider.fargate.ssm.ClientMessage;
import dev.vk.provider.fargate.ssm.ClientMessageCodec;
import dev.vk.provider.fargate.ssm.MessageTypes;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The agent's side of the output stream: numbers messages from 0, keeps each until acknowledged and
 * resends the oldest unacknowledged one when its timeout passes (200 ms, doubling to 1 s), as the
 * agent does. Confined to the session's thread.
 */
final class OutgoingStream {
  static final Duration INITIAL_TIMEOUT = Duration.ofMillis(200);
  static final Duration MAX_TIMEOUT = Duration.ofSeconds(1);
  private static final Duration CHECK_INTERVAL = Duration.ofMillis(100);

  private final Scheduler scheduler;
  private final Consumer<byte[]> wire;
  private final Map<Long, Pending> unacknowledged = new TreeMap<>();
  private long nextSequence;
  private Scheduler.Cancellable timer;
  private Runnable whenDrained;
  private boolean stopped;

  private static final class Pending {
    final byte[] frame;
    Instant sentAt;
    Duration timeout = INITIAL_TIMEOUT;

    Pending(byte[] frame, Instant sentAt) {
      this.frame = frame;
      this.sentAt = sentAt;
    }
  }

  OutgoingStream(Scheduler scheduler, Consumer<byte[]> wire) {
    this.scheduler = scheduler;
    this.wire = wire;
  }

  /** Sends one output_stream_data message; returns its sequence number. */
  long send(int payloadType, byte[] payload) {
    long sequence = nextSequence++;
    Instant now = scheduler.clock().instant();
    byte[] frame =
        ClientMessageCodec.encode(
            ClientMessage.data(
                MessageTypes.OUTPUT_STREAM_DATA,
                sequence,
                payloadType,
                payload,
                now.toEpochMilli()));
    unacknowledged.put(sequence, new Pending(frame, now));
    wire.accept(frame);
    armTimer();
    return sequence;
  }

  void acknowledge(long sequence) {
    unacknowledged.remove(sequence);
    if (unacknowledged.isEmpty() && whenDrained != null) {
      Runnable action = whenDrained;
      whenDrained = null;
      action.run();
    }
  }

  /** Runs {@code action} once every sent message is acknowledged (now, if none is pending). */
  void whenDrained(Runnable action) {
    if (unacknowledged.isEmpty()) {
      action.run();
    } else {
      whenDrained = action;
    }
  }

  int pending() {
    return unacknowledged.size();
  }

  void stop() {
    stopped = true;
    if (timer != null) {
      timer.cancel();
    }
  }

  private void armTimer() {
    if (timer == null && !stopped) {
      timer = scheduler.schedule(CHECK_INTERVAL, this::check);
    }
  }

  private void check() {
    timer = null;
    if (stopped || unacknowledged.isEmpty()) {
      return;
    }
    Pending oldest = unacknowledged.values().iterator().next();
    Instant now = scheduler.clock().instant();
    if (!oldest.sentAt.plus(oldest.timeout).isAfter(now)) {
      wire.accept(oldest.frame);
      oldest.sentAt = now;
      Duration doubled = oldest.timeout.multipliedBy(2);
      oldest.timeout = doubled.compareTo(MAX_TIMEOUT) > 0 ? MAX_TIMEOUT : doubled;
    }
    armTimer();
  }
}
