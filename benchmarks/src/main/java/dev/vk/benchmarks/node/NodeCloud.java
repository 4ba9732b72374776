package dev.vk.benchmarks.node;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A cloud emulator in the benchmark JVM and the settings that point the Java node's provider at it,
 * as the E2E tests do (testbed's CloudNode): one per measured run.
 */
interface NodeCloud extends AutoCloseable {
  /** The node's provider flags (names without dashes, {@code provider} included). */
  Map<String, String> nodeSettings();

  /**
   * How long after the last pod is Running the provider still polls faster (settle and transition
   * rounds): the steady window starts after it.
   */
  Duration settle();

  /** Every call the emulator received so far, oldest first. Idempotent; copies the timeline. */
  List<CloudCalls.Call> calls();

  /** Stops the emulator; its state is lost. */
  @Override
  void close();
}
