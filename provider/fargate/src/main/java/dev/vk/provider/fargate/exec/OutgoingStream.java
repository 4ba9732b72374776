package dev.vk.provider.fargate.exec;

import dev.vk.provider.fargate.ssm.ClientMessage;
import dev.vk.provider.fargate.ssm.ClientMessageCodec;
import dev.vk.provider.fargate.ssm.MessageTypes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The client's input stream: numbers input_stream_data messages from 0 and keeps each frame until
 * the agent acknowledges it. {@link #due} hands back the frames whose resend timeout has passed
 * (200 ms, doubling to 1 s, the plugin's bounds). Not thread-safe: the session confines it.
 */
final class OutgoingStream {
  static final Duration INITIAL_TIMEOUT = Duration.ofMillis(200);
  static final Duration MAX_TIMEOUT = Duration.ofSeconds(1);

  private final Clock clock;
  private final Map<Long, Pending> unacknowledged = new TreeMap<>();
  private long nextSequence;

  private static final class Pending {
    final byte[] frame;
    final Instant firstSent;
    Instant lastSent;
    Duration timeout = INITIAL_TIMEOUT;

    Pending(byte[] frame, Instant now) {
      this.frame = frame;
      this.firstSent = now;
      this.lastSent = now;
    }
  }

  OutgoingStream(Clock clock) {
    this.clock = clock;
  }

  /** Numbers and records one message; returns the frame to send now. */
  byte[] next(int payloadType, byte[] payload) {
    Instant now = clock.instant();
    long sequence = nextSequence++;
    byte[] frame =
        ClientMessageCodec.encode(
            ClientMessage.data(
                MessageTypes.INPUT_STREAM_DATA,
                sequence,
                payloadType,
                payload,
                now.toEpochMilli()));
    unacknowledged.put(sequence, new Pending(frame, now));
    return frame;
  }

  void acknowledge(long sequence) {
    unacknowledged.remove(sequence);
  }

  /** Frames unacknowledged past their timeout, oldest first; each one's timeout doubles. */
  List<byte[]> due() {
    Instant now = clock.instant();
    List<byte[]> frames = new ArrayList<>();
    for (Pending p : unacknowledged.values()) {
      if (!now.isBefore(p.lastSent.plus(p.timeout))) {
        frames.add(p.frame);
        p.lastSent = now;
        Duration doubled = p.timeout.multipliedBy(2);
        p.timeout = doubled.compareTo(MAX_TIMEOUT) > 0 ? MAX_TIMEOUT : doubled;
      }
    }
    return frames;
  }

  /** How long the oldest unacknowledged message has waited, if any is waiting. */
  Optional<Duration> oldestWait() {
    return unacknowledged.values().stream()
        .findFirst()
        .map(p -> Duration.between(p.firstSent, clock.instant()));
  }

  int pending() {
    return unacknowledged.size();
  }
}
