package dev.vk.emulator.aci.faults;

import java.time.Duration;

/**
 * A fault to inject into calls of one operation (or {@code "*"} for every ARM operation): a
 * throttle (429 with {@code Retry-After}), a server error (500/503), or added latency. By default a
 * rule applies to every matching call until removed; narrow it with {@link #forNextCalls} or {@link
 * #forPercentOfCalls}.
 *
 * @param operation operation name such as {@code containerGroups.get}, or {@code *} for every ARM
 *     operation
 * @param status HTTP status to answer with, or 0 for a latency-only rule
 * @param retryAfter the {@code Retry-After} of a 429; zero otherwise
 * @param latency delay added before the call is handled (or failed)
 * @param count how many matching calls to affect; negative means unlimited
 * @param percent share of matching calls to affect, 1..100
 */
public record FaultRule(
    String operation, int status, Duration retryAfter, Duration latency, int count, int percent) {

  /** Matches every ARM operation. */
  public static final String ANY = "*";

  /** A 429 with {@code Retry-After} rounded up to whole seconds, as ARM sends it. */
  public static FaultRule throttle(String operation, Duration retryAfter) {
    return new FaultRule(operation, 429, retryAfter, Duration.ZERO, -1, 100);
  }

  /** A server error, e.g. 500 or 503, with an ARM error body. */
  public static FaultRule error(String operation, int status) {
    return new FaultRule(operation, status, Duration.ZERO, Duration.ZERO, -1, 100);
  }

  /** Added latency; the call then proceeds normally. */
  public static FaultRule latency(String operation, Duration latency) {
    return new FaultRule(operation, 0, Duration.ZERO, latency, -1, 100);
  }

  /** This rule, limited to the next {@code calls} matching calls. */
  public FaultRule forNextCalls(int calls) {
    return new FaultRule(operation, status, retryAfter, latency, calls, percent);
  }

  /** This rule, applied to about {@code share} percent of matching calls. */
  public FaultRule forPercentOfCalls(int share) {
    if (share < 1 || share > 100) {
      throw new IllegalArgumentException("percent must be 1..100: " + share);
    }
    return new FaultRule(operation, status, retryAfter, latency, count, share);
  }

  /** This rule with extra latency before the failure is returned. */
  public FaultRule withLatency(Duration delay) {
    return new FaultRule(operation, status, retryAfter, delay, count, percent);
  }

  /** {@link #ANY} covers ARM operations only: a throttled token endpoint is another story. */
  boolean matches(String candidate) {
    return operation.equals(candidate) || (operation.equals(ANY) && !candidate.startsWith("aad."));
  }
}
