package dev.vk.node.nodeobject;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.node.kube.ApiErrors;
import dev.vk.provider.NodeConfigurer;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1NodeCondition;
import io.kubernetes.client.openapi.models.V1Taint;
import io.kubernetes.client.util.PatchUtils;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the Node and keeps its status current. Status is sent as a strategic-merge PATCH, so
 * conditions and fields that others set survive; it is sent when it changes and at least every
 * {@code nodeStatusInterval}. A deleted Node is registered again.
 */
public final class NodeController {
  private static final Logger logger = LoggerFactory.getLogger(NodeController.class);

  /**
   * How often {@link #tick()} should run: a provider that stops answering shows as NotReady within
   * this, while an unchanged status is still sent only every {@code nodeStatusInterval}.
   */
  public static final Duration TICK = Duration.ofSeconds(10);

  private final CoreV1Api api;
  private final ApiClient client;
  private final NodeTemplate template;
  private final Optional<NodeConfigurer> configurer;
  private final Duration statusInterval;
  private final Clock clock;
  private final Map<String, Transition> transitions = new HashMap<>();
  private volatile V1Node registered;
  private Map<String, Object> lastSentStatus;
  private Instant lastSent = Instant.EPOCH;
  private volatile boolean ready = true;
  private String notReadyMessage = "";
  private final AtomicLong statusSent = new AtomicLong();
  private final AtomicLong statusFailed = new AtomicLong();

  private record Transition(String status, OffsetDateTime since) {}

  public NodeController(
      ApiClient client,
      NodeTemplate template,
      Optional<NodeConfigurer> configurer,
      Duration statusInterval,
      Clock clock) {
    this.client = client;
    this.api = new CoreV1Api(client);
    this.template = template;
    this.configurer = configurer;
    this.statusInterval = statusInterval;
    this.clock = clock;
  }

  /** Node status patches the API server accepted, for metrics. */
  public long statusUpdates() {
    return statusSent.get();
  }

  /** Node status patches that failed, for metrics. */
  public long statusFailures() {
    return statusFailed.get();
  }

  /** Whether the node last reported Ready (the provider answered its ping). */
  public boolean ready() {
    return ready;
  }

  /** The registered node (with its UID), or null before the first registration. */
  public V1Node node() {
    return registered;
  }

  /** Creates the node, or adopts an existing one by updating labels, taint and status. */
  public synchronized V1Node register() throws ApiException {
    V1Node desired = desired();
    String name = desired.getMetadata().getName();
    V1Node current;
    try {
      current = api.readNode(name).execute();
    } catch (ApiException e) {
      if (!ApiErrors.notFound(e)) {
        throw e;
      }
      current = api.createNode(desired).execute();
      logger.info("Registered node {}", name);
    }
    current = patch(name, metadataAndTaints(current, desired), false);
    registered = current;
    sendStatus(desired);
    return registered;
  }

  /** One status round: ping the provider, then send status if it changed or is due. */
  public synchronized void tick() throws ApiException {
    boolean wasReady = ready;
    try {
      if (configurer.isPresent()) {
        configurer.get().ping();
      }
      ready = true;
    } catch (ProviderException e) {
      ready = false;
      notReadyMessage = "provider does not answer: " + e.getMessage();
    }
    if (wasReady != ready) {
      logger.warn("Node readiness changed to {} {}", ready, ready ? "" : notReadyMessage);
    }
    V1Node desired = desired();
    Map<String, Object> comparable = comparable(desired);
    boolean due = Duration.between(lastSent, clock.instant()).compareTo(statusInterval) >= 0;
    if (due || !comparable.equals(lastSentStatus)) {
      sendStatus(desired);
    }
  }

  private V1Node desired() {
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    V1Node node = template.build(ready, notReadyMessage, now);
    // A condition's transition time changes only when its status does.
    for (V1NodeCondition c : node.getStatus().getConditions()) {
      Transition t = transitions.get(c.getType());
      if (t == null || !t.status().equals(c.getStatus())) {
        t = new Transition(c.getStatus(), now);
        transitions.put(c.getType(), t);
      }
      c.setLastTransitionTime(t.since());
    }
    return node;
  }

  private void sendStatus(V1Node desired) throws ApiException {
    String name = desired.getMetadata().getName();
    String body = JSON.serialize(Map.of("status", desired.getStatus()));
    try {
      registered = patch(name, body, true);
      statusSent.incrementAndGet();
    } catch (ApiException e) {
      if (!ApiErrors.notFound(e)) {
        statusFailed.incrementAndGet();
        throw e;
      }
      logger.warn("Node {} was deleted; registering it again", name);
      register();
      return;
    }
    lastSentStatus = comparable(desired);
    lastSent = clock.instant();
  }

  private V1Node patch(String name, String body, boolean status) throws ApiException {
    return PatchUtils.patch(
        V1Node.class,
        () ->
            status
                ? api.patchNodeStatus(name, new V1Patch(body)).buildCall(null)
                : api.patchNode(name, new V1Patch(body)).buildCall(null),
        V1Patch.PATCH_FORMAT_STRATEGIC_MERGE_PATCH,
        client);
  }

  /** Our labels merged in; our taint present (taints replace as a list, so send all of them). */
  private String metadataAndTaints(V1Node current, V1Node desired) {
    List<V1Taint> taints = new ArrayList<>();
    List<V1Taint> existing =
        current.getSpec() == null || current.getSpec().getTaints() == null
            ? List.of()
            : current.getSpec().getTaints();
    List<V1Taint> ours =
        desired.getSpec().getTaints() == null ? List.of() : desired.getSpec().getTaints();
    for (V1Taint t : existing) {
      boolean replaced = ours.stream().anyMatch(o -> o.getKey().equals(t.getKey()));
      boolean stale = ours.isEmpty() && "virtual-kubelet.io/provider".equals(t.getKey());
      if (!replaced && !stale) {
        taints.add(t);
      }
    }
    taints.addAll(ours);
    Map<String, Object> patch = new HashMap<>();
    patch.put("metadata", Map.of("labels", desired.getMetadata().getLabels()));
    patch.put("spec", Map.of("taints", taints));
    return JSON.serialize(patch);
  }

  /** The status without heartbeat times, to tell a real change from a heartbeat. */
  private Map<String, Object> comparable(V1Node node) {
    List<String> conditions = new ArrayList<>();
    for (V1NodeCondition c : node.getStatus().getConditions()) {
      conditions.add(
          c.getType() + "=" + c.getStatus() + "/" + c.getReason() + "/" + c.getMessage());
    }
    Map<String, Object> m = new HashMap<>();
    m.put("conditions", conditions);
    m.put("capacity", Objects.toString(node.getStatus().getCapacity()));
    m.put("addresses", Objects.toString(node.getStatus().getAddresses()));
    m.put("labels", Objects.toString(node.getMetadata().getLabels()));
    return m;
  }
}
