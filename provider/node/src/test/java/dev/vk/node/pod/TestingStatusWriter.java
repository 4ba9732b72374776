package dev.vk.node.pod;

import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodStatus;

/** A status writer that stores the status on the in-memory API pod instead of patching a server. */
final class TestingStatusWriter extends StatusWriter {
  private final InMemoryApiPods pods;

  TestingStatusWriter(InMemoryApiPods pods) {
    super(null, "10.0.0.2");
    this.pods = pods;
  }

  @Override
  protected void send(V1Pod pod, V1PodStatus status) {
    V1Pod current = pods.get(PodFacts.key(pod));
    if (current != null && PodFacts.sameUid(current, pod)) {
      current.setStatus(status);
    }
  }
}
