package dev.vk.emulator.aci.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vk.emulator.aci.lifecycle.Behaviour;
import dev.vk.emulator.aci.lifecycle.BehaviourParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of one container definition the emulator acts on. Parsing is lenient: missing values
 * become null so that validation, not parsing, reports them in ACI's words.
 *
 * @param name container name
 * @param image image reference, null if absent
 * @param command exec-form command, empty if absent
 * @param env environment variables ({@code value} or {@code secureValue})
 * @param cpu requested cores, null if absent
 * @param memoryInGb requested memory, null if absent
 * @param cpuLimit core limit, null if absent
 * @param memoryLimitInGb memory limit, null if absent
 * @param ports container ports as given (validated later)
 * @param volumeMounts names of the mounted volumes
 * @param behaviour what the simulated process does
 */
public record ContainerSpec(
    String name,
    String image,
    List<String> command,
    Map<String, String> env,
    Double cpu,
    Double memoryInGb,
    Double cpuLimit,
    Double memoryLimitInGb,
    List<Integer> ports,
    List<String> volumeMounts,
    Behaviour behaviour) {

  /** Parses {@code {name, properties:{image, command, ...}}}. */
  public static ContainerSpec parse(JsonNode container) {
    JsonNode props = container.path("properties");
    List<String> command = texts(props.path("command"));
    Map<String, String> env = new LinkedHashMap<>();
    for (JsonNode var : props.path("environmentVariables")) {
      JsonNode value = var.hasNonNull("value") ? var.get("value") : var.path("secureValue");
      env.put(var.path("name").asText(), value.asText(""));
    }
    JsonNode requests = props.path("resources").path("requests");
    JsonNode limits = props.path("resources").path("limits");
    List<Integer> ports = new ArrayList<>();
    for (JsonNode port : props.path("ports")) {
      ports.add(port.path("port").isIntegralNumber() ? port.path("port").asInt() : -1);
    }
    List<String> mounts = new ArrayList<>();
    for (JsonNode mount : props.path("volumeMounts")) {
      mounts.add(mount.path("name").asText());
    }
    return new ContainerSpec(
        text(container.path("name")),
        text(props.path("image")),
        command,
        env,
        number(requests.path("cpu")),
        number(requests.path("memoryInGB")),
        number(limits.path("cpu")),
        number(limits.path("memoryInGB")),
        ports,
        mounts,
        BehaviourParser.parse(command, env));
  }

  static String text(JsonNode node) {
    return node.isTextual() ? node.asText() : null;
  }

  static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(item -> values.add(item.asText()));
    return values;
  }

  private static Double number(JsonNode node) {
    return node.isNumber() ? node.asDouble() : null;
  }
}
