package dev.vk.node.pod;

import dev.vk.node.events.EventRecorder;
import io.kubernetes.client.openapi.models.V1Pod;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every event as {@code Type Reason: message}. */
final class RecordingEvents implements EventRecorder {
  final List<String> events = new CopyOnWriteArrayList<>();

  @Override
  public void record(V1Pod pod, String type, String reason, String message) {
    events.add(type + " " + reason + ": " + message);
  }

  List<String> reasons() {
    return events.stream().map(e -> e.substring(e.indexOf(' ') + 1, e.indexOf(':'))).toList();
  }
}
