package dev.vk.provider.fargate.mapping;

import dev.vk.kubelet.types.ProviderException;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1PodSpec;
import java.util.List;
import java.util.Optional;

/**
 * Sizes a pod the way EKS on Fargate does: the larger of the largest init container and the sum of
 * the app containers (requests, else limits), rounded up to the smallest valid Fargate size. Unlike
 * EKS no 256 MiB is added: EKS reserves it for the kubelet, kube-proxy and containerd it runs
 * inside the micro-VM, and an ECS task runs none of them.
 */
public final class PodSizing {
  /** Fargate's included ephemeral storage; more is requested explicitly (21-200 GiB). */
  public static final int INCLUDED_STORAGE_GIB = 20;

  public static final int MAX_STORAGE_GIB = 200;

  private PodSizing() {}

  /** The result: the task size and, when more than the included 20 GiB, the storage to ask for. */
  public record Sizing(TaskSize size, Optional<Integer> ephemeralStorageGiB) {}

  /**
   * Computes the size.
   *
   * @throws ProviderException INVALID_INPUT naming the requests when no Fargate size is big enough
   */
  public static Sizing size(V1PodSpec spec) throws ProviderException {
    Resources init = sum(spec.getInitContainers(), false);
    Resources apps = sum(spec.getContainers(), true);
    Resources need = init.max(apps);
    TaskSize size =
        TaskSize.fit(need.cpuUnits(), need.memoryMiB())
            .orElseThrow(
                () ->
                    ProviderException.invalid(
                        "spec.containers[*].resources.requests: the pod needs "
                            + need.cpuUnits()
                            + " CPU units and "
                            + need.memoryMiB()
                            + " MiB, more than the largest Fargate size ("
                            + TaskSize.LARGEST.capacityProvisioned()
                            + ")"));
    if (need.storageGiB() > MAX_STORAGE_GIB) {
      throw ProviderException.invalid(
          "spec.containers[*].resources.requests.ephemeral-storage: the pod needs "
              + need.storageGiB()
              + " GiB, more than Fargate's "
              + MAX_STORAGE_GIB
              + " GiB");
    }
    Optional<Integer> storage =
        need.storageGiB() > INCLUDED_STORAGE_GIB
            ? Optional.of((int) Math.max(21, need.storageGiB()))
            : Optional.empty();
    return new Sizing(size, storage);
  }

  private static Resources sum(List<V1Container> containers, boolean add) {
    Resources total = Resources.NONE;
    for (V1Container c : containers == null ? List.<V1Container>of() : containers) {
      total = add ? total.plus(Resources.of(c)) : total.max(Resources.of(c));
    }
    return total;
  }
}
