package dev.vk.emulator.ecs;

import dev.vk.emulator.ecs.lifecycle.LifecycleTimings;
import java.time.Duration;

/** The standalone process's flags. */
final class CommandLine {
  static final String USAGE =
      """
      usage: EcsEmulator [--host H] [--port N] [--region R] [--account-id A]
                         [--cluster NAME]... [--auto-create-clusters]
                         [--log-group NAME]... [--auto-create-log-groups]
                         [--phase-millis N] [--fault-seed N]""";

  private CommandLine() {}

  static EmulatorOptions parse(String[] args) {
    EmulatorOptions options = EmulatorOptions.defaults();
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      switch (flag) {
        case "--auto-create-clusters" -> options.autoCreateClusters(true);
        case "--auto-create-log-groups" -> options.autoCreateLogGroups(true);
        case "--host" -> options.host(value(args, ++i, flag));
        case "--port" -> options.port(number(args, ++i, flag));
        case "--region" -> options.region(value(args, ++i, flag));
        case "--account-id" -> options.accountId(value(args, ++i, flag));
        case "--cluster" -> options.cluster(value(args, ++i, flag));
        case "--log-group" -> options.logGroup(value(args, ++i, flag));
        case "--phase-millis" ->
            options.timings(LifecycleTimings.uniform(Duration.ofMillis(number(args, ++i, flag))));
        case "--fault-seed" -> options.faultSeed(number(args, ++i, flag));
        default -> throw new IllegalArgumentException("Unknown flag " + flag);
      }
    }
    return options;
  }

  private static String value(String[] args, int i, String flag) {
    if (i >= args.length) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return args[i];
  }

  private static int number(String[] args, int i, String flag) {
    try {
      return Integer.parseInt(value(args, i, flag));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " needs a number");
    }
  }
}
