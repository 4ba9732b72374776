package dev.vk.emulator.aci.validation;

import dev.vk.emulator.aci.arm.ArmException;
import dev.vk.emulator.aci.model.ContainerGroupSpec;
import dev.vk.emulator.aci.model.ContainerSpec;
import java.math.BigDecimal;

/**
 * ACI's CPU and memory rules: limits at least the requests, no container limit above the group's
 * total request, and the group total within the regional maximum (4 cores and 16 GB by default).
 */
final class ResourceRules {

  private ResourceRules() {}

  static void check(String group, ContainerGroupSpec spec, double maxCpu, double maxMemoryGb) {
    double totalCpu = 0;
    double totalMemory = 0;
    for (ContainerSpec c : spec.containers()) {
      totalCpu += c.cpu();
      totalMemory += c.memoryInGb();
      if (lessThan(c.cpuLimit(), c.cpu()) || lessThan(c.memoryLimitInGb(), c.memoryInGb())) {
        String which = lessThan(c.cpuLimit(), c.cpu()) ? "Cpu" : "MemoryInGB";
        throw new ArmException(
            400,
            "ResourceLimitsLessThanRequests",
            "The resource requirement '"
                + requirementJson(c)
                + "' in container '"
                + c.name()
                + "' of contain group '"
                + group
                + "' is invalid. The '"
                + which
                + "' limit value must be greater than or equal to the request value.");
      }
    }
    for (ContainerSpec c : spec.containers()) {
      limitWithinTotal(group, c, "Cpu", c.cpuLimit(), totalCpu);
      limitWithinTotal(group, c, "MemoryInGB", c.memoryLimitInGb(), totalMemory);
    }
    if (totalCpu > maxCpu || totalMemory > maxMemoryGb) {
      throw new ArmException(
          409,
          "ServiceUnavailable",
          "The requested resource is not available in the location '"
              + spec.location()
              + "' at this moment. Please retry with a different resource request or in another"
              + " location. Resource requested: '"
              + plain(totalCpu)
              + "' CPU '"
              + plain(totalMemory)
              + "' GB memory '"
              + spec.osType()
              + "' OS"
              + (spec.subnetIds().isEmpty() ? "" : " virtual network"));
    }
  }

  private static void limitWithinTotal(
      String group, ContainerSpec c, String which, Double limit, double total) {
    if (limit != null && limit > total + 1e-9) {
      throw new ArmException(
          400,
          "ContainerLimitGreaterThanContainerGroupTotalRequest",
          "The '"
              + which
              + "' limit '"
              + plain(limit)
              + "' in container '"
              + c.name()
              + "' is greater than the total request '"
              + plain(total)
              + "' of container group '"
              + group
              + "'.");
    }
  }

  private static boolean lessThan(Double limit, double request) {
    return limit != null && limit < request - 1e-9;
  }

  private static String requirementJson(ContainerSpec c) {
    String limits =
        "{\"memoryInGB\":"
            + one(c.memoryLimitInGb() != null ? c.memoryLimitInGb() : c.memoryInGb())
            + ",\"cpu\":"
            + one(c.cpuLimit() != null ? c.cpuLimit() : c.cpu())
            + "}";
    return "{\"requests\":{\"memoryInGB\":"
        + one(c.memoryInGb())
        + ",\"cpu\":"
        + one(c.cpu())
        + "},\"limits\":"
        + limits
        + "}";
  }

  /** 2.0 stays "2.0", as ACI prints requirement JSON. */
  private static String one(double value) {
    return BigDecimal.valueOf(value).setScale(Math.max(1, scale(value))).toPlainString();
  }

  /** 5.0 becomes "5", as ACI prints quantities in messages. */
  static String plain(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  private static int scale(double value) {
    return Math.max(0, BigDecimal.valueOf(value).stripTrailingZeros().scale());
  }
}
