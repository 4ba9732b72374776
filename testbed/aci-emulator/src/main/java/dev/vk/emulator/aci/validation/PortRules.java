package dev.vk.emulator.aci.validation;

import dev.vk.emulator.aci.arm.ArmException;
import dev.vk.emulator.aci.model.ContainerGroupSpec;
import dev.vk.emulator.aci.model.ContainerSpec;
import java.util.HashSet;
import java.util.Set;

/**
 * Port rules: every port in 1..65535, at most 5 ports on the group's IP address, and each of them
 * opened by some container.
 */
final class PortRules {

  private static final int MAX_IP_PORTS = 5;

  private PortRules() {}

  static void check(String group, ContainerGroupSpec spec) {
    Set<Integer> containerPorts = new HashSet<>();
    for (ContainerSpec c : spec.containers()) {
      for (int port : c.ports()) {
        if (port < 1 || port > 65535) {
          throw new ArmException(
              400,
              "InvalidContainerPort",
              "The port '"
                  + port
                  + "' of container '"
                  + c.name()
                  + "' in container group '"
                  + group
                  + "' is invalid. Ports must be between 1 and 65535.");
        }
        containerPorts.add(port);
      }
    }
    if (spec.ipAddressType() == null) {
      return;
    }
    if (spec.ipPorts().isEmpty()) {
      throw ArmException.missingProperty("ports", "properties.ipAddress");
    }
    if (spec.ipPorts().size() > MAX_IP_PORTS) {
      throw new ArmException(
          400,
          "IpAddressPortsLimitExceeded",
          "The IP address of container group '"
              + group
              + "' has "
              + spec.ipPorts().size()
              + " ports; at most "
              + MAX_IP_PORTS
              + " are allowed.");
    }
    for (int port : spec.ipPorts()) {
      if (!containerPorts.contains(port)) {
        throw new ArmException(
            400,
            "InvalidIpAddressPort",
            "The port '"
                + port
                + "' of the IP address of container group '"
                + group
                + "' is not opened by any of its containers.");
      }
    }
  }
}
