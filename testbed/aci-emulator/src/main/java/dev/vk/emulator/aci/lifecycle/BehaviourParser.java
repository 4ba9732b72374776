package dev.vk.emulator.aci.lifecycle;

import dev.vk.provider.mock.shell.ShellWords;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a container's command (or the {@value #BEHAVIOUR_ENV} environment variable) into a {@link
 * Behaviour}, so tests steer containers with ordinary pod specs instead of a special API.
 *
 * <ul>
 *   <li>{@code [sh|bash|ash|/bin/sh, -c, SCRIPT]} where every statement of SCRIPT is {@code echo},
 *       {@code sleep N}, {@code exit N}, {@code true} or {@code false}: runs the script.
 *   <li>{@code [sleep, N]}, {@code [echo, ...]}, {@code [true]}, {@code [false]}: runs that one
 *       statement; {@code sleep infinity} never exits.
 *   <li>anything else, including no command: a ticker printing a line every second.
 * </ul>
 */
public final class BehaviourParser {

  /** Environment variable whose value, a script, overrides the command. */
  public static final String BEHAVIOUR_ENV = "ACI_EMULATOR_BEHAVIOUR";

  private static final List<String> SHELLS =
      List.of("sh", "bash", "ash", "/bin/sh", "/bin/bash", "/bin/ash", "/usr/bin/env sh");

  private BehaviourParser() {}

  /** Parses a container's command and environment. */
  public static Behaviour parse(List<String> command, Map<String, String> env) {
    String override = env.get(BEHAVIOUR_ENV);
    if (override != null) {
      return parseScript(override).orElse(Behaviour.tickerBehaviour());
    }
    if (command == null || command.isEmpty()) {
      return Behaviour.tickerBehaviour();
    }
    if (command.size() >= 3 && SHELLS.contains(command.get(0)) && command.get(1).equals("-c")) {
      return parseScript(command.get(2)).orElse(Behaviour.tickerBehaviour());
    }
    return parseScript(String.join(" ", command)).orElse(Behaviour.tickerBehaviour());
  }

  /**
   * Parses a script of statements separated by {@code ;}, {@code &&} or new lines; empty when a
   * statement is not one the emulator can run (the caller then falls back to a ticker).
   */
  public static Optional<Behaviour> parseScript(String script) {
    if (script.trim().equals("sleep infinity")) {
      return Optional.of(Behaviour.forever());
    }
    List<Behaviour.Step> steps = new ArrayList<>();
    for (ShellWords.Step statement : ShellWords.commands(script)) {
      // No variables in behaviours: $NAME stays as written.
      List<String> argv = ShellWords.words(statement.text(), name -> "$" + name);
      if (argv.isEmpty()) {
        continue;
      }
      Optional<Behaviour.Step> step = step(argv);
      if (step.isEmpty()) {
        return Optional.empty();
      }
      steps.add(step.get());
    }
    return Optional.of(Behaviour.script(steps));
  }

  private static Optional<Behaviour.Step> step(List<String> argv) {
    String name = argv.get(0);
    List<String> args = argv.subList(1, argv.size());
    try {
      return switch (name) {
        case "echo" -> Optional.of(new Behaviour.Echo(String.join(" ", args)));
        case "sleep" -> Optional.of(new Behaviour.Sleep(seconds(args.get(0))));
        case "exit" -> Optional.of(new Behaviour.Exit(args.isEmpty() ? 0 : exitCode(args.get(0))));
        case "true" -> Optional.of(new Behaviour.Sleep(Duration.ZERO));
        case "false" -> Optional.of(new Behaviour.Exit(1));
        default -> Optional.empty();
      };
    } catch (RuntimeException malformed) {
      return Optional.empty();
    }
  }

  /** Parses a {@code sleep} argument: seconds, fractions allowed, optional {@code s} suffix. */
  private static Duration seconds(String text) {
    String digits = text.endsWith("s") ? text.substring(0, text.length() - 1) : text;
    double seconds = Double.parseDouble(digits);
    if (seconds < 0 || Double.isNaN(seconds)) {
      throw new IllegalArgumentException("negative sleep: " + text);
    }
    return Duration.ofNanos((long) (seconds * 1_000_000_000L));
  }

  private static int exitCode(String text) {
    return Integer.parseInt(text) & 0xff;
  }
}
