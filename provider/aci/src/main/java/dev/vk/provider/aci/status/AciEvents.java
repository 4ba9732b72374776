package dev.vk.provider.aci.status;

import com.azure.resourcemanager.containerinstance.fluent.models.ContainerGroupInner;
import com.azure.resourcemanager.containerinstance.models.Container;
import com.azure.resourcemanager.containerinstance.models.Event;
import dev.vk.provider.KubernetesAccess;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * ACI's group and container events (image pulled, started, killed, ...), recorded once each as
 * Kubernetes Events on the pod, so {@code kubectl describe pod} shows what the cloud did. An event
 * is identified by container, name, first timestamp and count, so a repeated event whose count
 * grows is reported again (the node's recorder then bumps the count of the Kubernetes Event with
 * the same reason and message). Thread-safe.
 *
 * <p><b>Restarts.</b> The identities reported are kept in memory only, and ACI keeps every event of
 * a group for its lifetime, so a new instance would post them all again. It therefore decides from
 * the event itself: an event whose last occurrence ({@code lastTimestamp}, else {@code
 * firstTimestamp}) is before this instance started, less {@link #REPLAY_MARGIN}, was the previous
 * instance's to report and is skipped. This costs no API call (reading the pod's existing Events
 * would cost one per pod) and needs no state outside the process. The price: an event that happened
 * while no instance ran, more than the margin before the start, is not reported; an event within
 * the margin that the previous instance already reported appears twice. An event without timestamps
 * is reported.
 */
public final class AciEvents {

  private static final Logger logger = LoggerFactory.getLogger(AciEvents.class);

  /**
   * Allowance for the clock difference between ACI and this node: longer than a status round, so
   * events of a quick restart are not lost, and short enough that restarts rarely repeat events.
   */
  static final Duration REPLAY_MARGIN = Duration.ofSeconds(30);

  private final Map<String, Set<String>> seen = new ConcurrentHashMap<>();
  private final KubernetesAccess kubernetes;
  private final Instant since;

  /**
   * Events older than {@code clock}'s now less {@link #REPLAY_MARGIN} are a previous instance's.
   */
  public AciEvents(KubernetesAccess kubernetes, Clock clock) {
    this.kubernetes = kubernetes;
    this.since = clock.instant().minus(REPLAY_MARGIN);
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

  /** Drops what was reported for a deleted group. */
  public void forget(String groupName) {
    seen.remove(groupName);
  }

  private void report(V1Pod pod, Set<String> known, String container, List<Event> events) {
    for (Event e : events == null ? List.<Event>of() : events) {
      String key = container + "|" + e.name() + "|" + e.firstTimestamp() + "|" + e.count();
      if (known.add(key) && !beforeThisInstance(e)) {
        String type = "Warning".equalsIgnoreCase(e.type()) ? "Warning" : "Normal";
        // Normal ones (pulled, started) come three a pod: INFO would drown the node's own lines.
        logger
            .atLevel("Warning".equals(type) ? Level.INFO : Level.DEBUG)
            .log(
                "ACI event {} {}{}: {}",
                e.type(),
                e.name(),
                container.isEmpty() ? "" : " (container " + container + ")",
                e.message());
        String where = container.isEmpty() ? "" : "container " + container + ": ";
        kubernetes.event(pod, type, e.name(), where + e.message());
      }
    }
  }

  private boolean beforeThisInstance(Event e) {
    OffsetDateTime last = e.lastTimestamp() != null ? e.lastTimestamp() : e.firstTimestamp();
    return last != null && last.toInstant().isBefore(since);
  }
}
