package dev.vk.benchmarks.node;

import java.time.Duration;
import java.util.List;
import java.util.Map;
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

  /** Stops the emulator; its state is lost. */
  @Override
  void close();
}
