package dev.vk.emulator.aci.lifecycle;

import java.time.Instant;

/**
 * One run of a container process.
 *
 * @param start when the process started
 * @param end when it exited, or null while it runs
 * @param exitCode the exit code once ended
 * @param killed whether it ended through an out-of-band {@link Kill}
 */
public record Attempt(Instant start, Instant end, int exitCode, boolean killed) {

  /** Whether the process still runs. */
  public boolean running() {
    return end == null;
  }
}
