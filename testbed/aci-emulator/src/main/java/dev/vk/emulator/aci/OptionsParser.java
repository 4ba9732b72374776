package dev.vk.emulator.aci;

import dev.vk.emulator.aci.vnet.VnetOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Applies command-line flags to {@link AciEmulatorOptions}. */
final class OptionsParser {

  private AciEmulatorOptions options;

  OptionsParser(AciEmulatorOptions start) {
    this.options = start;
  }

  AciEmulatorOptions parse(List<String> args) {
    List<String> groups = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String flag = args.get(i);
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException("missing value for " + flag);
      }
      String value = args.get(++i);
      switch (flag) {
        case "--port" -> options = options.withPort(Integer.parseInt(value));
        case "--bind" -> options = options.withHost(value, options.hostname());
        case "--hostname" -> options = options.withHost(options.bindAddress(), value);
        case "--subscription" -> options = options.withIds(value, options.tenantId());
        case "--tenant" -> options = options.withIds(options.subscriptionId(), value);
        case "--resource-group" -> groups.addAll(Arrays.asList(value.split(",")));
        case "--state-dir" -> options = options.withStateDir(Path.of(value));
        case "--page-size" -> options = options.withPageSize(Integer.parseInt(value));
        case "--pull-seconds" ->
            options =
                options.withPullTime(Duration.ofMillis((long) (Double.parseDouble(value) * 1000)));
        case "--max-cpu" ->
            options =
                options.withLimits(
                    Double.parseDouble(value),
                    options.maxMemoryGbPerGroup(),
                    options.maxContainerGroups());
        case "--max-memory-gb" ->
            options =
                options.withLimits(
                    options.maxCpuPerGroup(),
                    Double.parseDouble(value),
                    options.maxContainerGroups());
        case "--max-groups" ->
            options =
                options.withLimits(
                    options.maxCpuPerGroup(),
                    options.maxMemoryGbPerGroup(),
                    Integer.parseInt(value));
        case "--vnet-subnet" ->
            options =
                options.withVnet(
                    new VnetOptions(value, options.vnet().podNetwork(), options.vnet().netns()));
        case "--pod-network-netns" ->
            options = options.withVnet(VnetOptions.inNamespace(options.vnet().subnet(), value));
        default -> throw new IllegalArgumentException("unknown flag " + flag);
      }
    }
    return groups.isEmpty() ? options : options.withResourceGroups(groups.toArray(String[]::new));
  }
}
