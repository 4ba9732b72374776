package dev.vk.provider;

import dev.vk.kubelet.types.ProviderException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A provider's health check against its cloud, trusted for a while once it succeeds. The node asks
 * every few seconds, far more often than a cloud's API budget should pay for, so a success is
 * reused for {@link #TRUSTED_FOR}; a failure is not: the next check calls again. Thread-safe.
 */
public final class TrustedCheck {
  /** How long a successful check is trusted. */
  public static final Duration TRUSTED_FOR = Duration.ofMinutes(1);

  /** One call to the cloud that throws when it is not usable. May block. */
  @FunctionalInterface
  public interface Call {
    void run() throws ProviderException;
  }

  private final Call call;
  private final Clock clock;
  private volatile Instant lastOk = Instant.MIN;

  /** Does not call the cloud yet. */
  public TrustedCheck(Call call, Clock clock) {
    this.call = call;
    this.clock = clock;
  }

  /** Blocks on at most one call; idempotent. */
  public void check() throws ProviderException {
    Instant now = clock.instant();
    if (lastOk.plus(TRUSTED_FOR).isAfter(now)) {
      return;
    }
    call.run();
    lastOk = now;
  }
}
