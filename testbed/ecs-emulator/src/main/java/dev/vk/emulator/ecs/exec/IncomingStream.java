package dev.vk.emulator.ecs.exec;

import dev.vk.provider.fargate.ssm.ClientMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The client's input stream seen from the agent: messages are delivered in sequence order, early
 * ones held back, repeats (resends whose acknowledgement got lost) dropped.
 */
final class IncomingStream {
  private static final int BUFFER_LIMIT = 10_000;
  private final TreeMap<Long, ClientMessage> early = new TreeMap<>();
  private long expected;

  /** Messages now deliverable, in order, after receiving {@code message}. */
  List<ClientMessage> accept(ClientMessage message) {
    List<ClientMessage> ready = new ArrayList<>();
    long sequence = message.sequenceNumber();
    if (sequence < expected) {
      return ready;
    }
    if (sequence > expected) {
      if (early.size() < BUFFER_LIMIT) {
        early.putIfAbsent(sequence, message);
      }
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
