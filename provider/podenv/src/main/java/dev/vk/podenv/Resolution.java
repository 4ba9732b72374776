package dev.vk.podenv;

import io.kubernetes.client.openapi.models.V1Pod;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of resolving a pod's environment.
 *
 * @param pod a deep copy of the input with every container's environment resolved as far as it
 *     could be
 * @param events events to record on the pod, in the order the problems were met, without duplicates
 * @param failure why the pod must not start (all reasons, joined by "; "), or empty
 */
public record Resolution(V1Pod pod, List<EnvEvent> events, Optional<String> failure) {

  public Resolution {
    events = List.copyOf(events);
  }

  /** True when nothing mandatory was missing, so the pod may be started. */
  public boolean canStart() {
    return failure.isEmpty();
  }
}
