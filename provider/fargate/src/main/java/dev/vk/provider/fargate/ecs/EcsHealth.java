package dev.vk.provider.fargate.ecs;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.TrustedCheck;
import java.time.Clock;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * The node's health check against ECS, trusted for a minute once it succeeds ({@link
 * TrustedCheck}), as the ACI provider's is: one DescribeClusters, and the cluster must exist and be
 * ACTIVE.
 */
public final class EcsHealth {
  private final TrustedCheck check;

  /** Does not call ECS yet. */
  public EcsHealth(EcsClient ecs, String cluster, Clock clock) {
    this.check = new TrustedCheck(() -> describe(ecs, cluster), clock);
  }

  /** Blocks on at most one DescribeClusters call; idempotent. */
  public void check() throws ProviderException {
    check.check();
  }

  private static void describe(EcsClient ecs, String cluster) throws ProviderException {
    try {
      var response = ecs.describeClusters(r -> r.clusters(cluster));
      boolean active = response.clusters().stream().anyMatch(c -> "ACTIVE".equals(c.status()));
      if (!active) {
        throw new ProviderException(
            ProviderException.Kind.UNAVAILABLE,
            "ECS cluster " + cluster + " is missing or not ACTIVE");
      }
    } catch (SdkException e) {
      throw EcsErrors.classify("DescribeClusters " + cluster, e);
    }
  }
}
