package dev.vk.provider.aci.mapping;

import com.azure.resourcemanager.containerinstance.fluent.models.ContainerGroupInner;
import com.azure.resourcemanager.containerinstance.models.Container;
import com.azure.resourcemanager.containerinstance.models.GpuResource;
import com.azure.resourcemanager.containerinstance.models.ResourceLimits;
import com.azure.resourcemanager.containerinstance.models.ResourceRequests;
import com.azure.resourcemanager.containerinstance.models.ResourceRequirements;
import dev.vk.kubelet.types.ProviderException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Decides what an update of a running group may do. ACI redeploys a group in place when container
 * images, commands, environment or the DNS name label change, but refuses changes of OS, restart
 * policy, resources, network, SKU or priority ({@code InvalidContainerGroupUpdate}); those need a
 * new pod. Resources are CPU, memory and GPU, requests and limits alike.
 */
public final class PodUpdates {

  /** The outcome: nothing to send, or a PUT of the desired group. */
  public enum Action {
    NONE,
    REDEPLOY
  }

  private PodUpdates() {}

  /**
   * What updating {@code current} to {@code desired} takes; throws INVALID_INPUT when ACI cannot
   * apply it in place. Pure.
   */
  public static Action decide(ContainerGroupInner current, ContainerGroupInner desired)
      throws ProviderException {
    immutable("restartPolicy", current.restartPolicy(), desired.restartPolicy());
    immutable("osType", current.osType(), desired.osType());
    // Absent means ACI's default, so adding or removing the annotation is a change too.
    immutable(
        "priority",
        orDefault(current.priority(), "Regular"),
        orDefault(desired.priority(), "Regular"));
    immutable("sku", orDefault(current.sku(), "Standard"), orDefault(desired.sku(), "Standard"));
    List<Container> now = orEmpty(current.containers());
    List<Container> wanted = orEmpty(desired.containers());
    if (now.size() != wanted.size()) {
      throw needsNewPod("the set of containers changed");
    }
    boolean changed = !Objects.equals(dnsNameLabel(current), dnsNameLabel(desired));
    for (int i = 0; i < now.size(); i++) {
      Container a = now.get(i);
      Container b = wanted.get(i);
      if (!a.name().equals(b.name())) {
        throw needsNewPod("the set of containers changed");
      }
      if (a.resources() != null
          && b.resources() != null
          && !resources(a.resources()).equals(resources(b.resources()))) {
        throw needsNewPod("resources of container " + a.name() + " changed");
      }
      changed |= !Objects.equals(a.image(), b.image()) || !Objects.equals(a.command(), b.command());
    }
    return changed ? Action.REDEPLOY : Action.NONE;
  }

  /** What ACI cannot change in place: CPU, memory and GPU requests and limits. */
  private static List<Object> resources(ResourceRequirements r) {
    ResourceRequests q = r.requests();
    ResourceLimits l = r.limits();
    return Arrays.asList(
        q == null ? null : q.cpu(),
        q == null ? null : q.memoryInGB(),
        q == null ? null : gpu(q.gpu()),
        l == null ? null : l.cpu(),
        l == null ? null : l.memoryInGB(),
        l == null ? null : gpu(l.gpu()));
  }

  private static String gpu(GpuResource gpu) {
    return gpu == null
        ? null
        : gpu.count() + " " + String.valueOf(gpu.sku()).toUpperCase(Locale.ROOT);
  }

  private static void immutable(String what, Object current, Object desired)
      throws ProviderException {
    if (current != null
        && desired != null
        && !current.toString().equalsIgnoreCase(desired.toString())) {
      throw needsNewPod(what + " changed from " + current + " to " + desired);
    }
  }

  private static Object orDefault(Object value, String absent) {
    return value == null ? absent : value;
  }

  private static String dnsNameLabel(ContainerGroupInner group) {
    return group.ipAddress() == null ? null : group.ipAddress().dnsNameLabel();
  }

  private static ProviderException needsNewPod(String why) {
    return ProviderException.invalid(
        "ACI cannot update this in a running container group (" + why + "); it needs a new pod");
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
