package dev.vk.provider.fargate.ecs;

import dev.vk.kubelet.types.ProviderException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * The node's health check against ECS. The node may ask every few seconds, a steady call that
 * counts against the account's ECS budget, so a successful check is trusted for a minute (like the
 * ACI provider's {@code ArmHealth}); then one DescribeClusters: the cluster must exist and be
 * ACTIVE. A failure is not cached: the next check calls again.
 */
public final class EcsHealth {

  static final Duration TRUSTED_FOR = Duration.ofMinutes(1);

  private final EcsClient ecs;
  private final String cluster;
  private final Clock clock;
  private volatile Instant lastOk = Instant.MIN;

  /** Does not call ECS yet. */
  public EcsHealth(EcsClient ecs, String cluster, Clock clock) {
    this.ecs = ecs;
    this.cluster = cluster;
    this.clock = clock;
  }

  /** Blocks on at most one DescribeClusters call; idempotent. */
  public void check() throws ProviderException {
    Instant now = clock.instant();
    if (lastOk.plus(TRUSTED_FOR).isAfter(now)) {
      return;
    }
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
    lastOk = now;
  }
}
