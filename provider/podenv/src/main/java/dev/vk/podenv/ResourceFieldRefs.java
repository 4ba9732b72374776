package dev.vk.podenv;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1ResourceFieldSelector;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The downward API's {@code resourceFieldRef}, as the kubelet computes it: the request or limit
 * divided by the divisor (default 1) and rounded up, in whole units of the divisor. An unset cpu,
 * memory or ephemeral-storage limit reads as the pod-level limit, else the node's allocatable.
 */
final class ResourceFieldRefs {

  /** Hugepages are never overcommitted, so the kubelet gives them no default limit. */
  private static final Set<String> DEFAULTED_LIMITS = Set.of("cpu", "memory", "ephemeral-storage");

  /** Resources the pod-level {@code spec.resources} may set. */
  private static final Set<String> POD_LEVEL = Set.of("cpu", "memory");

  private static final BigDecimal MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  private ResourceFieldRefs() {}

  /** The limits an unset container limit falls back to: node allocatable, then pod-level limits. */
  static Map<String, Quantity> limitDefaults(V1Pod pod, Map<String, Quantity> allocatable) {
    Map<String, Quantity> defaults = new HashMap<>(allocatable);
    Optional.ofNullable(pod.getSpec())
        .map(spec -> spec.getResources())
        .map(V1ResourceRequirements::getLimits)
        .ifPresent(
            limits ->
                limits.forEach(
                    (name, q) -> {
                      if (POD_LEVEL.contains(name) && isSet(q)) {
                        defaults.put(name, q);
                      }
                    }));
    return defaults;
  }

  /**
   * Resolves the selector for the container whose resources are {@code own}; a {@code
   * containerName} picks another regular or init container of the pod.
   */
  static String value(
      V1ResourceFieldSelector selector,
      V1Pod pod,
      V1ResourceRequirements own,
      Map<String, Quantity> limitDefaults)
      throws UnresolvableException {
    V1ResourceRequirements resources = own;
    String containerName = selector.getContainerName();
    if (containerName != null && !containerName.isEmpty()) {
      resources =
          containers(pod)
              .filter(c -> containerName.equals(c.getName()))
              .findFirst()
              .orElseThrow(
                  () -> new UnresolvableException("container " + containerName + " not found"))
              .getResources();
    }
    String resource = selector.getResource() == null ? "" : selector.getResource();
    int dot = resource.indexOf('.');
    String bound = dot < 0 ? "" : resource.substring(0, dot);
    String name = resource.substring(dot + 1);
    boolean known = DEFAULTED_LIMITS.contains(name) || name.startsWith("hugepages-");
    if (!known || !(bound.equals("limits") || bound.equals("requests"))) {
      throw new UnresolvableException("unsupported container resource: " + resource);
    }
    Map<String, Quantity> values = null;
    if (resources != null) {
      values = bound.equals("limits") ? resources.getLimits() : resources.getRequests();
    }
    Quantity quantity = values == null ? null : values.get(name);
    if (bound.equals("limits") && !isSet(quantity) && DEFAULTED_LIMITS.contains(name)) {
      quantity = limitDefaults.get(name);
    }
    return ceilDivide(quantity, selector.getDivisor());
  }

  /** ceil(quantity / divisor), exactly; "0" for nothing, saturating at the int64 maximum. */
  static String ceilDivide(Quantity quantity, Quantity divisor) {
    BigDecimal value = quantity == null ? BigDecimal.ZERO : quantity.getNumber();
    BigDecimal by = isSet(divisor) ? divisor.getNumber() : BigDecimal.ONE;
    if (value.signum() <= 0 || by.signum() <= 0) {
      return "0";
    }
    BigDecimal result = value.divide(by, 0, RoundingMode.CEILING);
    return result.compareTo(MAX) > 0 ? MAX.toPlainString() : result.toPlainString();
  }

  private static boolean isSet(Quantity q) {
    return q != null && q.getNumber() != null && q.getNumber().signum() != 0;
  }

  private static Stream<V1Container> containers(V1Pod pod) {
    if (pod.getSpec() == null) {
      return Stream.empty();
    }
    return Stream.of(pod.getSpec().getContainers(), pod.getSpec().getInitContainers())
        .filter(list -> list != null)
        .flatMap(List::stream);
  }
}
