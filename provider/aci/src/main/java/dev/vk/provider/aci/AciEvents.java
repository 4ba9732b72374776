package dev.vk.provider.aci;

import com.azure.resourcemanager.containerinstance.fluent.models.ContainerGroupInner;
import com.azure.resourcemanager.containerinstance.models.Container;
import com.azure.resourcemanager.containerinstance.models.Event;
import dev.vk.provider.KubernetesAccess;
import io.kubernetes.client.openapi.models.V1Pod;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ACI's group and container events (image pulled, started, killed, ...), recorded once each as
 * Kubernetes Events on the pod, so {@code kubectl describe pod} shows what the cloud did. An event
 * is identified by container, name, first timestamp and count, so a repeated event whose count
 * grows is reported again. Thread-safe.
 */
final class AciEvents {

  private static final Logger logger = LoggerFactory.getLogger(AciEvents.class);

  private final Map<String, Set<String>> seen = new ConcurrentHashMap<>();
  private final KubernetesAccess kubernetes;

  AciEvents(KubernetesAccess kubernetes) {
    this.kubernetes = kubernetes;
  }

  /** Reports the events of {@code group} not reported before. */
  void observe(ContainerGroupInner group, V1Pod pod) {
    Set<String> known = seen.computeIfAbsent(group.name(), n -> ConcurrentHashMap.newKeySet());
    if (group.instanceView() != null) {
      report(pod, known, "", group.instanceView().events());
    }
    for (Container c : group.containers() == null ? List.<Container>of() : group.containers()) {
      if (c.instanceView() != null) {
        report(pod, known, c.name(), c.instanceView().events());
      }
    }
  }

  void forget(String groupName) {
    seen.remove(groupName);
  }

  private void report(V1Pod pod, Set<String> known, String container, List<Event> events) {
    for (Event e : events == null ? List.<Event>of() : events) {
      String key = container + "|" + e.name() + "|" + e.firstTimestamp() + "|" + e.count();
      if (known.add(key)) {
        logger.info(
            "ACI event {} {}{}: {}",
            e.type(),
            e.name(),
            container.isEmpty() ? "" : " (container " + container + ")",
            e.message());
        String type = "Warning".equalsIgnoreCase(e.type()) ? "Warning" : "Normal";
        String where = container.isEmpty() ? "" : "container " + container + ": ";
        kubernetes.event(pod, type, e.name(), where + e.message());
      }
    }
  }
}
