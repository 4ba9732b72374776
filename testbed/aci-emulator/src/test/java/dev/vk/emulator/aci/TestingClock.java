package dev.vk.emulator.aci;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand, so lifecycle and timeline assertions need no waiting. */
public final class TestingClock extends Clock {

  private volatile Instant now;

  /** A clock at {@code start}. */
  public TestingClock(Instant start) {
    this.now = start;
  }

  /** Moves time forward. */
  public void advance(Duration duration) {
    now = now.plus(duration);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
