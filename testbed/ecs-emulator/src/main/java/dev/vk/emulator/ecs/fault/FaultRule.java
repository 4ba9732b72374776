package dev.vk.emulator.ecs.fault;

import dev.vk.emulator.ecs.http.AwsException;
import java.time.Duration;
import java.util.Random;
import java.util.function.Supplier;

/** One injected misbehaviour for the operations it matches. */
sealed interface FaultRule {

  /** Fails the next {@code remaining} calls with the supplied error, then retires. */
  final class FailNext implements FaultRule {
    private int remaining;
    private final Supplier<AwsException> error;

    FailNext(int count, Supplier<AwsException> error) {
      this.remaining = count;
      this.error = error;
    }

    AwsException take() {
      remaining--;
      return error.get();
    }

    boolean exhausted() {
      return remaining <= 0;
    }
  }

  /** Fails a given share of calls, drawn from a seeded random source. */
  record FailPercent(int percent, Supplier<AwsException> error) implements FaultRule {
    boolean hits(Random random) {
      return random.nextInt(100) < percent;
    }
  }

  /** Delays every call before it is answered. */
  record Latency(Duration delay) implements FaultRule {}
}
