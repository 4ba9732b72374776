package dev.vk.provider.fargate.mapping;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;

/** A container's requests in Fargate units; a missing request falls back to the limit. */
record Resources(long cpuUnits, long memoryMiB, long storageGiB) {
  static final Resources NONE = new Resources(0, 0, 0);
  private static final BigDecimal MIB = BigDecimal.valueOf(1024L * 1024);
  private static final BigDecimal GIB = MIB.multiply(BigDecimal.valueOf(1024));

  static Resources of(V1Container container) {
    return new Resources(
        requested(container, "cpu")
            .map(q -> q.multiply(BigDecimal.valueOf(1024)).setScale(0, RoundingMode.CEILING))
            .map(BigDecimal::longValueExact)
            .orElse(0L),
        requested(container, "memory").map(q -> ceilDiv(q, MIB)).orElse(0L),
        requested(container, "ephemeral-storage").map(q -> ceilDiv(q, GIB)).orElse(0L));
  }

  Resources plus(Resources o) {
    return new Resources(cpuUnits + o.cpuUnits, memoryMiB + o.memoryMiB, storageGiB + o.storageGiB);
  }

  Resources max(Resources o) {
    return new Resources(
        Math.max(cpuUnits, o.cpuUnits),
        Math.max(memoryMiB, o.memoryMiB),
        Math.max(storageGiB, o.storageGiB));
  }

  /** The limit of {@code resource} in MiB, if the container sets one. */
  static Optional<Long> memoryLimitMiB(V1Container container) {
    return Optional.ofNullable(container.getResources())
        .map(V1ResourceRequirements::getLimits)
        .map(l -> l.get("memory"))
        .map(q -> ceilDiv(q.getNumber(), MIB));
  }

  private static Optional<BigDecimal> requested(V1Container container, String resource) {
    V1ResourceRequirements r = container.getResources();
    if (r == null) {
      return Optional.empty();
    }
    return value(r.getRequests(), resource).or(() -> value(r.getLimits(), resource));
  }

  private static Optional<BigDecimal> value(Map<String, Quantity> map, String resource) {
    return Optional.ofNullable(map).map(m -> m.get(resource)).map(Quantity::getNumber);
  }

  private static long ceilDiv(BigDecimal value, BigDecimal unit) {
    return value.divide(unit, 0, RoundingMode.CEILING).longValueExact();
  }
}
