package dev.vk.provider.testkit;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.PodLifecycle;
import io.kubernetes.client.openapi.models.V1Pod;
import java.util.List;
import java.util.Optional;

/**
 * A provider that accepts every call and does nothing: it knows no pod and lists only the pods it
 * was given. Tests subclass it to make the one call they care about behave (fail, record, block).
 */
public class NoopPodLifecycle implements PodLifecycle {
  private final List<V1Pod> listed;

  /** Lists no pods. */
  public NoopPodLifecycle() {
    this(List.of());
  }

  /** Lists {@code listed} (a live view: later changes to the list show). */
  public NoopPodLifecycle(List<V1Pod> listed) {
    this.listed = listed;
  }

  /** Does nothing. Idempotent, non-blocking. */
  @Override
  public void createPod(V1Pod pod) throws ProviderException {}

  /** Does nothing. Idempotent, non-blocking. */
  @Override
  public void updatePod(V1Pod pod) throws ProviderException {}

  /** Does nothing. Idempotent, non-blocking. */
  @Override
  public void deletePod(V1Pod pod) throws ProviderException {}

  /** Always empty. Non-blocking. */
  @Override
  public Optional<V1Pod> getPod(String namespace, String name) throws ProviderException {
    return Optional.empty();
  }

  /** A copy of the pods given at construction. Non-blocking. */
  @Override
  public List<V1Pod> getPods() throws ProviderException {
    return List.copyOf(listed);
  }
}
