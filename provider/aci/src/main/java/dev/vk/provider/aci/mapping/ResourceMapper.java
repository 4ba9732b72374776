package dev.vk.provider.aci.mapping;

import com.azure.resourcemanager.containerinstance.models.GpuResource;
import com.azure.resourcemanager.containerinstance.models.GpuSku;
import com.azure.resourcemanager.containerinstance.models.ResourceLimits;
import com.azure.resourcemanager.containerinstance.models.ResourceRequests;
import com.azure.resourcemanager.containerinstance.models.ResourceRequirements;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.aci.config.AciSettings;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes requests and limits to ACI resources. ACI counts cpu in steps of 0.01 core and memory
 * in steps of 0.1 GB (10^8 bytes); values are rounded <em>up</em> so a container never gets less
 * than it asked for. Containers without a request share the pod default evenly. A limit above the
 * group's total request (which ACI refuses, azure-aci#17) is lowered to that total. Pure.
 */
final class ResourceMapper {

  static final String GPU = "nvidia.com/gpu";
  static final String GPU_SKU_ANNOTATION = "virtual-kubelet.io/gpu-type";
  private static final BigDecimal GB = BigDecimal.valueOf(1_000_000_000L);

  private final AciSettings.PodDefaults defaults;

  ResourceMapper(AciSettings.PodDefaults defaults) {
    this.defaults = defaults;
  }

  /**
   * One requirement per container, in order.
   *
   * @param gpuSku the SKU for GPU containers (annotation or setting)
   * @throws ProviderException INVALID_INPUT when the group exceeds the configured maximums
   */
  List<ResourceRequirements> map(List<V1Container> containers, String gpuSku, boolean vnet)
      throws ProviderException {
    long withoutCpu = containers.stream().filter(c -> quantity(c, true, "cpu") == null).count();
    long withoutMemory =
        containers.stream().filter(c -> quantity(c, true, "memory") == null).count();
    List<ResourceRequests> requests = new ArrayList<>();
    double totalCpu = 0;
    double totalMemory = 0;
    for (int i = 0; i < containers.size(); i++) {
      V1Container c = containers.get(i);
      Quantity cpu = quantity(c, true, "cpu");
      Quantity memory = quantity(c, true, "memory");
      double cores =
          cpu == null ? up(defaults.defaultCpu() / withoutCpu, 100) : up(cpu.getNumber(), 100);
      double gb =
          memory == null
              ? up(defaults.defaultMemoryGb() / withoutMemory, 10)
              : up(memory.getNumber().divide(GB), 10);
      totalCpu = round(totalCpu + cores, 100);
      totalMemory = round(totalMemory + gb, 10);
      String field = "spec.containers[" + i + "].resources.requests.";
      if (totalCpu > defaults.maxCpu()) {
        throw Rejection.of(
            field + "cpu", "the pod needs " + totalCpu + " cores, ACI max is " + defaults.maxCpu());
      }
      if (totalMemory > defaults.maxMemoryGb()) {
        throw Rejection.of(
            field + "memory",
            "the pod needs " + totalMemory + " GB, ACI max is " + defaults.maxMemoryGb());
      }
      ResourceRequests r = new ResourceRequests().withCpu(cores).withMemoryInGB(gb);
      Integer gpus = gpus(c);
      if (gpus != null) {
        if (vnet) {
          throw Rejection.of(
              "spec.containers[" + i + "].resources.limits." + GPU, "ACI has no GPU in a VNet");
        }
        r.withGpu(new GpuResource().withCount(gpus).withSku(GpuSku.fromString(gpuSku)));
      }
      requests.add(r);
    }
    List<ResourceRequirements> out = new ArrayList<>();
    for (int i = 0; i < containers.size(); i++) {
      out.add(
          new ResourceRequirements()
              .withRequests(requests.get(i))
              .withLimits(limits(containers.get(i), requests.get(i), totalCpu, totalMemory)));
    }
    return out;
  }

  private static ResourceLimits limits(
      V1Container c, ResourceRequests request, double totalCpu, double totalMemory) {
    Quantity cpu = quantity(c, false, "cpu");
    Quantity memory = quantity(c, false, "memory");
    if (cpu == null && memory == null) {
      return null; // without limits ACI lets a container use what the group has
    }
    ResourceLimits limits = new ResourceLimits();
    if (cpu != null) {
      limits.withCpu(clamp(up(cpu.getNumber(), 100), request.cpu(), totalCpu));
    }
    if (memory != null) {
      limits.withMemoryInGB(
          clamp(up(memory.getNumber().divide(GB), 10), request.memoryInGB(), totalMemory));
    }
    if (request.gpu() != null) {
      limits.withGpu(request.gpu());
    }
    return limits;
  }

  /** ACI: request <= limit <= the group's total request. */
  private static double clamp(double limit, double request, double total) {
    return Math.max(request, Math.min(limit, total));
  }

  private static Integer gpus(V1Container c) {
    Quantity q = quantity(c, false, GPU);
    if (q == null) {
      q = quantity(c, true, GPU);
    }
    return q == null ? null : q.getNumber().intValue();
  }

  private static Quantity quantity(V1Container c, boolean request, String name) {
    V1ResourceRequirements r = c.getResources();
    if (r == null) {
      return null;
    }
    Map<String, Quantity> map = request ? r.getRequests() : r.getLimits();
    return map == null ? null : map.get(name);
  }

  private static double up(double value, int steps) {
    return up(BigDecimal.valueOf(value), steps);
  }

  private static double up(BigDecimal value, int steps) {
    BigDecimal scaled = value.multiply(BigDecimal.valueOf(steps)).setScale(0, RoundingMode.CEILING);
    return Math.max(1, scaled.longValue()) / (double) steps;
  }

  private static double round(double value, int steps) {
    return Math.round(value * steps) / (double) steps;
  }
}
