package dev.vk.provider.aci.arm;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.TrustedCheck;
import java.time.Clock;

/**
 * The node's health check against ARM, trusted for a minute once it succeeds ({@link
 * TrustedCheck}): one GET of a group that does not exist (a 404 proves ARM, the credential and the
 * resource group answer).
 */
public final class ArmHealth {
  private static final String PROBE = "vk-health-probe";

  private final TrustedCheck check;

  /** Does not call ARM yet. */
  public ArmHealth(ContainerGroups groups, Clock clock) {
    this.check = new TrustedCheck(() -> groups.get(PROBE), clock);
  }

  /** Blocks on at most one ARM call. */
  public void check() throws ProviderException {
    check.check();
  }
}
