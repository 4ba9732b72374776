package dev.vk.emulator.aci.lifecycle;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a simulated container process does: a finite script of steps, or a ticker that runs until it
 * is killed. Derived from the container's command (see {@link BehaviourParser}).
 *
 * @param steps the script; empty for a ticker
 * @param ticker whether the process prints a line every second and never exits by itself
 * @param silentForever whether the process never exits and prints nothing ({@code sleep infinity})
 */
public record Behaviour(List<Step> steps, boolean ticker, boolean silentForever) {

  /** One statement of a script. */
  public sealed interface Step {}

  /** Prints one line. */
  public record Echo(String text) implements Step {}

  /** Waits before the next step. */
  public record Sleep(Duration duration) implements Step {}

  /** Ends the process with an exit code. */
  public record Exit(int code) implements Step {}

  /** A process that prints a line every second until it is killed. */
  public static Behaviour tickerBehaviour() {
    return new Behaviour(List.of(), true, false);
  }

  /** A process that never exits and never prints ({@code sleep infinity}). */
  public static Behaviour forever() {
    return new Behaviour(List.of(), false, true);
  }

  /** A finite script. */
  public static Behaviour script(List<Step> steps) {
    return new Behaviour(List.copyOf(steps), false, false);
  }

  /** How long the script runs before it exits, or empty if it runs until killed. */
  public Optional<Duration> runTime() {
    if (ticker || silentForever) {
      return Optional.empty();
    }
    Duration total = Duration.ZERO;
    for (Step step : steps) {
      if (step instanceof Sleep sleep) {
        total = total.plus(sleep.duration());
      } else if (step instanceof Exit) {
        break;
      }
    }
    return Optional.of(total);
  }

  /** The exit code the script ends with when nothing kills it. */
  public int exitCode() {
    for (Step step : steps) {
      if (step instanceof Exit exit) {
        return exit.code();
      }
    }
    return 0;
  }
}
