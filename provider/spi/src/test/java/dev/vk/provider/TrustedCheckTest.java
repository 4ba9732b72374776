package dev.vk.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vk.kubelet.types.ProviderException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TrustedCheckTest {
  private volatile Instant now = Instant.parse("2026-12-04T10:00:00Z");
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicBoolean failing = new AtomicBoolean();
  private final TrustedCheck check =
      new TrustedCheck(
          () -> {
            calls.incrementAndGet();
            if (failing.get()) {
              throw new ProviderException(ProviderException.Kind.UNAVAILABLE, "down");
            }
          },
          new Clock() {
            @Override
            public ZoneOffset getZone() {
              return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
              return this;
            }

            @Override
            public Instant instant() {
              return now;
            }
          });

  @Test
  void aSuccessIsTrustedForAMinute() throws Exception {
    for (int i = 0; i < 6; i++) { // the node's checks every 10 s
      check.check();
      now = now.plusSeconds(10);
    }
    assertThat(calls).hasValue(1);
    check.check(); // a minute after the call
    assertThat(calls).hasValue(2);
  }

  @Test
  void aFailureIsNotTrusted() {
    failing.set(true);
    assertThatThrownBy(check::check).isInstanceOf(ProviderException.class);
    assertThatThrownBy(check::check).isInstanceOf(ProviderException.class);
    assertThat(calls).hasValue(2);
  }
}
