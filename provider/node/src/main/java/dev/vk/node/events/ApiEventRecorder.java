package dev.vk.node.events;

import dev.vk.provider.DaemonThreads;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1EventSource;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ObjectReference;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.util.PatchUtils;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes core/v1 Events on a background thread. A repeat of the same reason and message for the
 * same pod bumps the existing event's count instead of creating another, as kubelets do. At most
 * {@value #QUEUED} events wait (an API server outage must not grow memory); beyond that the oldest
 * is dropped, logged and counted ({@link #dropped()}).
 */
public final class ApiEventRecorder implements EventRecorder, AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(ApiEventRecorder.class);
  private static final String COMPONENT = "virtual-kubelet";
  private static final int REMEMBERED = 4096;
  static final int QUEUED = 1000;

  private final ApiClient client;
  private final CoreV1Api api;
  private final String nodeName;
  private final Clock clock;
  private final DropOldestExecutor executor =
      new DropOldestExecutor("event", QUEUED, DaemonThreads.factory("events"));
  // Only the name and count of each event sent: a whole CoreV1Event was ~1 KiB, for up to 4096.
  private final Map<String, Sent> recent =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Sent> eldest) {
          return size() > REMEMBERED;
        }
      };

  public ApiEventRecorder(ApiClient client, String nodeName, Clock clock) {
    this.client = client;
    this.api = new CoreV1Api(client);
    this.nodeName = nodeName;
    this.clock = clock;
  }

  @Override
  public void record(V1Pod pod, String type, String reason, String message) {
    V1ObjectMeta meta = pod.getMetadata();
    // Warnings in the log at the default level; Normal ones (a pod created, a pod stopping) only
    // at debug: they are in the API already, and were two log lines for every pod created.
    Object[] args = {type, reason, meta.getNamespace(), meta.getName(), message};
    if (EventRecorder.WARNING.equals(type)) {
      logger.info("Event {} {} for pod {}/{}: {}", args);
    } else {
      logger.debug("Event {} {} for pod {}/{}: {}", args);
    }
    executor.execute(() -> write(pod, type, reason, message));
  }

  private void write(V1Pod pod, String type, String reason, String message) {
    V1ObjectMeta meta = pod.getMetadata();
    String key = meta.getUid() + "|" + type + "|" + reason + "|" + message;
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    try {
      Sent previous = recent.get(key);
      if (previous != null) {
        int count = previous.count() + 1;
        String body = JSON.serialize(Map.of("count", count, "lastTimestamp", now));
        // Responses are not parsed (no result type): what is remembered is what was sent.
        PatchUtils.patch(
            (Class<CoreV1Event>) null,
            () ->
                api.patchNamespacedEvent(previous.name(), meta.getNamespace(), new V1Patch(body))
                    .buildCall(null),
            V1Patch.PATCH_FORMAT_STRATEGIC_MERGE_PATCH,
            client);
        recent.put(key, new Sent(previous.name(), count));
        return;
      }
      CoreV1Event created = event(pod, type, reason, message, now);
      client.execute(api.createNamespacedEvent(meta.getNamespace(), created).buildCall(null));
      recent.put(key, new Sent(created.getMetadata().getName(), 1));
    } catch (ApiException e) {
      recent.remove(key);
      logger.warn(
          "Could not record event {} for {}/{}: HTTP {} {}",
          reason,
          meta.getNamespace(),
          meta.getName(),
          e.getCode(),
          e.getResponseBody());
    } catch (RuntimeException e) {
      logger.warn(
          "Could not record event {} for {}/{}", reason, meta.getNamespace(), meta.getName(), e);
    }
  }

  private CoreV1Event event(
      V1Pod pod, String type, String reason, String message, OffsetDateTime now) {
    V1ObjectMeta meta = pod.getMetadata();
    String name =
        meta.getName()
            + "."
            + Long.toHexString(System.nanoTime() ^ now.toInstant().toEpochMilli() << 20);
    return new CoreV1Event()
        .metadata(new V1ObjectMeta().name(name).namespace(meta.getNamespace()))
        .involvedObject(
            new V1ObjectReference()
                .apiVersion("v1")
                .kind("Pod")
                .namespace(meta.getNamespace())
                .name(meta.getName())
                .uid(meta.getUid())
                .resourceVersion(meta.getResourceVersion()))
        .type(type)
        .reason(reason)
        .message(message)
        .source(new V1EventSource().component(COMPONENT).host(nodeName))
        .reportingComponent(COMPONENT)
        .reportingInstance(nodeName)
        .firstTimestamp(now)
        .lastTimestamp(now)
        .count(1);
  }

  /** An event this recorder created, by name, and the count it last sent. */
  private record Sent(String name, int count) {}

  /** Events dropped because the queue was full. */
  public long dropped() {
    return executor.dropped();
  }

  @Override
  public void close() {
    executor.close();
  }
}
