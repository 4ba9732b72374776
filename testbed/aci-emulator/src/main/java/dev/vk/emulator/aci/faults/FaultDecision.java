package dev.vk.emulator.aci.faults;

import java.time.Duration;

/**
 * What to do with one call: wait {@code latency}, then fail with {@code failure} or, if it is null,
 * handle the call normally.
 *
 * @param latency delay before handling
 * @param failure the rule whose status to answer with, or null
 */
public record FaultDecision(Duration latency, FaultRule failure) {

  /** No fault. */
  public static final FaultDecision NONE = new FaultDecision(Duration.ZERO, null);
}
