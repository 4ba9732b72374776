package dev.vk.emulator.aci.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vk.emulator.aci.lifecycle.RestartPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The parts of a container group PUT body the emulator acts on; the full body is kept separately so
 * GET returns everything the client sent.
 *
 * @param location the ARM location
 * @param containers container definitions
 * @param restartPolicy the wire value, null if absent (ACI then uses {@code Always})
 * @param osType {@code Linux} or {@code Windows}
 * @param ipAddressType {@code Public}, {@code Private} or null
 * @param ipPorts ports exposed on the group's IP address
 * @param subnetIds subnet resource ids (VNet injection)
 * @param volumes declared volumes
 * @param immutable the values ACI refuses to change on update, as canonical JSON
 */
public record ContainerGroupSpec(
    String location,
    List<ContainerSpec> containers,
    String restartPolicy,
    String osType,
    String ipAddressType,
    List<Integer> ipPorts,
    List<String> subnetIds,
    List<VolumeSpec> volumes,
    String immutable) {

  /** Parses a PUT body. */
  public static ContainerGroupSpec parse(JsonNode body) {
    JsonNode props = body.path("properties");
    List<ContainerSpec> containers = new ArrayList<>();
    props.path("containers").forEach(c -> containers.add(ContainerSpec.parse(c)));
    List<Integer> ipPorts = new ArrayList<>();
    props.path("ipAddress").path("ports").forEach(p -> ipPorts.add(p.path("port").asInt(-1)));
    List<String> subnets = new ArrayList<>();
    props.path("subnetIds").forEach(s -> subnets.add(s.path("id").asText()));
    List<VolumeSpec> volumes = new ArrayList<>();
    props.path("volumes").forEach(v -> volumes.add(VolumeSpec.parse(v)));
    return new ContainerGroupSpec(
        ContainerSpec.text(body.path("location")),
        containers,
        ContainerSpec.text(props.path("restartPolicy")),
        ContainerSpec.text(props.path("osType")),
        ContainerSpec.text(props.path("ipAddress").path("type")),
        ipPorts,
        subnets,
        volumes,
        immutableValues(body, containers));
  }

  /** The effective restart policy. */
  public RestartPolicy policy() {
    return RestartPolicy.fromWire(restartPolicy);
  }

  /** Finds a container by name. */
  public ContainerSpec container(String name) {
    return containers.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
  }

  /**
   * What ACI's update rule covers: os type, restart policy, network profile, CPU, memory, GPU (the
   * list from its InvalidContainerGroupUpdate message), plus location, sku, zones and priority.
   */
  private static String immutableValues(JsonNode body, List<ContainerSpec> containers) {
    JsonNode props = body.path("properties");
    StringBuilder key = new StringBuilder();
    key.append(body.path("location").asText().toLowerCase(Locale.ROOT)).append('|');
    key.append(props.path("osType").asText()).append('|');
    key.append(RestartPolicy.fromWireOrNull(props.path("restartPolicy").asText(null))).append('|');
    key.append(props.path("ipAddress").path("type").asText()).append('|');
    key.append(props.path("subnetIds")).append('|').append(props.path("sku").asText("Standard"));
    key.append('|').append(body.path("zones")).append('|').append(props.path("priority"));
    for (ContainerSpec c : containers) {
      key.append('|')
          .append(c.name())
          .append(':')
          .append(c.cpu())
          .append('/')
          .append(c.memoryInGb());
      key.append('/').append(c.cpuLimit()).append('/').append(c.memoryLimitInGb());
    }
    return key.toString();
  }
}
