package dev.vk.provider.aci;

import com.azure.resourcemanager.containerinstance.fluent.models.ContainerGroupInner;
import com.azure.resourcemanager.containerinstance.models.Container;
import dev.vk.provider.ProviderException;
import java.util.List;
import java.util.Objects;

/**
 * Decides what an update of a running group may do. ACI redeploys a group in place when container
 * images, commands or environment change, but refuses changes of OS, restart policy, resources,
 * network, SKU or priority ({@code InvalidContainerGroupUpdate}); those need a new pod.
 */
final class PodUpdates {

  /** The outcome: nothing to send, or a PUT of the desired group. */
  enum Action {
    NONE,
    REDEPLOY
  }

  private PodUpdates() {}

  static Action decide(ContainerGroupInner current, ContainerGroupInner desired)
      throws ProviderException {
    immutable("restartPolicy", current.restartPolicy(), desired.restartPolicy());
    immutable("osType", current.osType(), desired.osType());
    immutable("priority", current.priority(), desired.priority());
    if (desired.sku() != null) {
      immutable("sku", current.sku(), desired.sku());
    }
    List<Container> now = orEmpty(current.containers());
    List<Container> wanted = orEmpty(desired.containers());
    if (now.size() != wanted.size()) {
      throw needsNewPod("the set of containers changed");
    }
    boolean changed = false;
    for (int i = 0; i < now.size(); i++) {
      Container a = now.get(i);
      Container b = wanted.get(i);
      if (!a.name().equals(b.name())) {
        throw needsNewPod("the set of containers changed");
      }
      if (a.resources() != null
          && b.resources() != null
          && (a.resources().requests().cpu() != b.resources().requests().cpu()
              || a.resources().requests().memoryInGB() != b.resources().requests().memoryInGB())) {
        throw needsNewPod("resources of container " + a.name() + " changed");
      }
      changed |= !Objects.equals(a.image(), b.image()) || !Objects.equals(a.command(), b.command());
    }
    return changed ? Action.REDEPLOY : Action.NONE;
  }

  private static void immutable(String what, Object current, Object desired)
      throws ProviderException {
    if (current != null
        && desired != null
        && !current.toString().equalsIgnoreCase(desired.toString())) {
      throw needsNewPod(what + " changed from " + current + " to " + desired);
    }
  }

  private static ProviderException needsNewPod(String why) {
    return ProviderException.invalid(
        "ACI cannot update this in a running container group (" + why + "); it needs a new pod");
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
