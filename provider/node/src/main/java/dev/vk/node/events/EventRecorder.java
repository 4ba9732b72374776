package dev.vk.node.events;

import io.kubernetes.client.openapi.models.V1Pod;

/** Records Kubernetes Events about pods. Never blocks the caller and never throws. */
public interface EventRecorder {
  String NORMAL = "Normal";
  String WARNING = "Warning";

  void record(V1Pod pod, String type, String reason, String message);

  /** Discards events, for unit tests that do not look at them. */
  EventRecorder NOOP = (pod, type, reason, message) -> {};
}
