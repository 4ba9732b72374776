package dev.vk.testbed.chart;

import dev.vk.testbed.cluster.CommandResult;
import dev.vk.testbed.cluster.Commands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs helm (built by {@code testbed/tools/helm.sh}) with its own config, cache and data
 * directories, so a test never reads or writes the user's ~/.config/helm or repositories. Output
 * goes to files, never inherited: raw child output would corrupt the failsafe fork channel.
 */
final class Helm {
  private final Path binary;
  private final Path home;

  private Helm(Path binary, Path home) {
    this.binary = binary;
    this.home = home;
  }

  /**
   * Builds helm with {@code testbed/tools/helm.sh} if it is not cached yet (the first time takes
   * about a minute and a half on 2 cores), echoing the script's progress.
   *
   * @param home where helm keeps its config, cache and data during the tests
   */
  static Helm build(Path repoRoot, Path home) {
    CommandResult r =
        run(
            List.of("bash", repoRoot.resolve("testbed/tools/helm.sh").toString()),
            Map.of(),
            null,
            Duration.ofMinutes(30));
    r.stderr().lines().forEach(System.out::println);
    r.orThrow();
    List<String> lines = r.stdout().lines().toList();
    Path binary = Path.of(lines.get(lines.size() - 1).strip());
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException("helm.sh printed no executable: " + r);
    }
    return new Helm(binary, home);
  }

  Path binary() {
    return binary;
  }

  CommandResult run(String... args) {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(List.of(args));
    return run(
        command,
        Map.of(
            "HELM_CONFIG_HOME", home.resolve("config").toString(),
            "HELM_CACHE_HOME", home.resolve("cache").toString(),
            "HELM_DATA_HOME", home.resolve("data").toString()),
        null,
        Duration.ofMinutes(3));
  }

  private static CommandResult run(
      List<String> command, Map<String, String> env, String stdin, Duration timeout) {
    return Commands.run(command, env, stdin, timeout);
  }
}
