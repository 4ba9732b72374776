package dev.vk.provider.fargate.mapping;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Fargate task size: CPU units (1024 = 1 vCPU) and memory in MiB, one of the pairs Fargate
 * accepts. The table is the EKS-on-Fargate / ECS table up to 16 vCPU and 120 GB.
 */
public record TaskSize(int cpuUnits, int memoryMiB) {

  /** Every valid pair, ordered by CPU, then memory, so the first fit is the cheapest. */
  public static final List<TaskSize> VALID = table();

  /** The largest size; a pod needing more is refused. */
  public static final TaskSize LARGEST = VALID.get(VALID.size() - 1);

  /** The smallest size that holds {@code cpuUnits} and {@code memoryMiB}, if any. */
  public static Optional<TaskSize> fit(long cpuUnits, long memoryMiB) {
    return VALID.stream()
        .filter(s -> s.cpuUnits >= cpuUnits && s.memoryMiB >= memoryMiB)
        .findFirst();
  }

  /** The EKS annotation value, e.g. {@code 0.25vCPU 0.5GB}. */
  public String capacityProvisioned() {
    return decimal(cpuUnits, 1024) + "vCPU " + decimal(memoryMiB, 1024) + "GB";
  }

  private static String decimal(int value, int unit) {
    return BigDecimal.valueOf(value)
        .divide(BigDecimal.valueOf(unit))
        .stripTrailingZeros()
        .toPlainString();
  }

  private static List<TaskSize> table() {
    List<TaskSize> sizes = new ArrayList<>();
    for (int gb : new int[] {512, 1024, 2048}) {
      sizes.add(new TaskSize(256, gb));
    }
    rows(sizes, 512, 1, 4, 1);
    rows(sizes, 1024, 2, 8, 1);
    rows(sizes, 2048, 4, 16, 1);
    rows(sizes, 4096, 8, 30, 1);
    rows(sizes, 8192, 16, 60, 4);
    rows(sizes, 16384, 32, 120, 8);
    return List.copyOf(sizes);
  }

  private static void rows(List<TaskSize> sizes, int cpu, int fromGb, int toGb, int stepGb) {
    for (int gb = fromGb; gb <= toGb; gb += stepGb) {
      sizes.add(new TaskSize(cpu, gb * 1024));
    }
  }
}
