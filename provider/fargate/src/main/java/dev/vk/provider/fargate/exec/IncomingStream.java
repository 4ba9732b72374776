package dev.vk.provider.fargate.exec;

import dev.vk.provider.fargate.ssm.ClientMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The agent's output stream: messages are delivered in sequence order from 0, early ones held back,
 * repeats (resends whose acknowledgement was lost) dropped. Not thread-safe: the session confines
 * it.
 */
final class IncomingStream {
  /** Early messages held at most; beyond it they are refused (not acknowledged, so resent). */
  static final int HOLD_LIMIT = 10_000;

  private final TreeMap<Long, ClientMessage> early = new TreeMap<>();
  private long expected;

  /** What becomes of a received message. */
  enum Verdict {
    /** In order (possibly releasing held ones): acknowledge. */
    DELIVER,
    /** Ahead of a gap, held: acknowledge. */
    HELD,
    /** Already delivered or held: acknowledge again, drop. */
    REPEAT,
    /** Ahead of a gap with no room to hold it: do not acknowledge, the agent will resend. */
    REFUSED
  }

  Verdict classify(ClientMessage message) {
    long sequence = message.sequenceNumber();
    if (sequence < expected || early.containsKey(sequence)) {
      return Verdict.REPEAT;
    }
    if (sequence == expected) {
      return Verdict.DELIVER;
    }
    return early.size() < HOLD_LIMIT ? Verdict.HELD : Verdict.REFUSED;
  }

  /** Accepts a DELIVER or HELD message; returns those now deliverable, in order. */
  List<ClientMessage> accept(ClientMessage message) {
    List<ClientMessage> ready = new ArrayList<>();
    if (message.sequenceNumber() != expected) {
      early.put(message.sequenceNumber(), message);
      return ready;
    }
    ready.add(message);
    expected++;
    while (!early.isEmpty() && early.firstKey() == expected) {
      ready.add(early.pollFirstEntry().getValue());
      expected++;
    }
    return ready;
  }
}
