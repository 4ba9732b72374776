package dev.vk.provider.aci.arm;

import dev.vk.kubelet.types.ProviderException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The node's health check against ARM. The node may ask every few seconds, far more often than the
 * ARM budget allows, so a successful check is trusted for a minute; then one GET of a group that
 * does not exist (a 404 proves ARM, the credential and the resource group answer).
 */
public final class ArmHealth {

  static final Duration TRUSTED_FOR = Duration.ofMinutes(1);
  private static final String PROBE = "vk-health-probe";

  private final ContainerGroups groups;
  private final Clock clock;
  private volatile Instant lastOk = Instant.MIN;

  /** Does not call ARM yet. */
  public ArmHealth(ContainerGroups groups, Clock clock) {
    this.groups = groups;
    this.clock = clock;
  }

  /** Blocks on at most one ARM call. */
  public void check() throws ProviderException {
    Instant now = clock.instant();
    if (lastOk.plus(TRUSTED_FOR).isAfter(now)) {
      return;
    }
    groups.get(PROBE);
    lastOk = now;
  }
}
