package dev.vk.benchmarks.node;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A cloud emulator in the benchmark JVM and the settings that point the Java node's provider at it,
 * as the E2E tests do (testbed's CloudNode): one per measured run.
 */
interface NodeCloud extends AutoCloseable {
  /** The node's provider flags (names without dashes, {@code provider} included). */
  Map<String, String> nodeSettings();

  /**
   * Provider settings this run changes from their defaults (names without the provider's prefix):
   * the system property {@code vk.bench.<kind>.settings}, {@code name=value} pairs separated by
   * commas; empty by default. Idempotent.
   */
  static Map<String, String> tuned(String kind) {
    Map<String, String> s = new TreeMap<>();
    for (String pair : System.getProperty("vk.bench." + kind + ".settings", "").split(",")) {
      if (!pair.isBlank()) {
        String[] kv = pair.strip().split("=", 2);
        s.put(kv[0], kv.length > 1 ? kv[1] : "");
      }
    }
    return s;
  }

  /** What {@link #tuned(String)} gave this cloud: recorded with each run. */
  Map<String, String> tuned();

  /**
   * How long after the last pod is Running the provider still polls faster (settle and transition
   * rounds): the steady window starts after it.
   */
  Duration settle();

  /**
   * Every call the emulator received so far, oldest first, without the warm-up's ({@link
   * EmulatorWarmUp}). Idempotent; copies the timeline.
   */
  List<CloudCalls.Call> calls();

  /**
   * How long the steady calls are counted: long enough to hold whole rounds of the provider's
   * steady polling, so the rate per minute is its average rather than a window's rounding. 60 s
   * unless a provider's listing period says otherwise. Idempotent.
   */
  default Duration steadyWindow() {
    return Duration.ofSeconds(60);
  }

  /**
   * Where the steady window may begin, given the calls so far and the end of the settle time:
   * {@code after} itself unless the provider polls in rounds, when it is just before the first
   * round that begins after it (so the window holds whole rounds); empty while that round has not
   * begun. Idempotent.
   */
  default Optional<Instant> steadyStart(List<CloudCalls.Call> calls, Instant after) {
    return Optional.of(after);
  }

  /** Stops the emulator; its state is lost. */
  @Override
  void close();
}
