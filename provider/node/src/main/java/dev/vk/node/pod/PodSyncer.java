package dev.vk.node.pod;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.node.config.ServedNamespaces;
import dev.vk.node.events.EventRecorder;
import dev.vk.podenv.EnvEvent;
import dev.vk.podenv.EnvironmentResolver;
import dev.vk.podenv.PodRuntime;
import dev.vk.podenv.Resolution;
import dev.vk.provider.PodLifecycle;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the provider in line with one API pod: create, adopt, update, stop, or clean up. Runs on
 * the pod work queue, so it is never called twice at once for the same pod.
 */
public final class PodSyncer implements KeyedWorkQueue.Handler {
  private static final Logger logger = LoggerFactory.getLogger(PodSyncer.class);
  private static final Duration DELETION_CHECK = Duration.ofSeconds(1);

  private final PodLifecycle provider;
  private final ApiPods pods;
  private final EnvironmentResolver resolver;
  private final Function<V1Pod, PodRuntime> runtime;
  private final EventRecorder events;
  private final StatusWriter status;
  private final PlacedPods placed;
  private final Clock clock;
  private final ServedNamespaces served;
  private final Map<String, V1Pod> tombstones = new ConcurrentHashMap<>();
  // UIDs whose API object this node already removed: events that arrive before the watch's DELETED
  // (status echoes, a stale cache) must not send a second DELETE. A UID is dropped only on the work
  // queue, once the cache no longer has the pod: dropping it on the DELETED event let a sync that
  // had just read the cached pod send a second DELETE (seen once in 3000 pods).
  private final Set<String> removedFromApi = ConcurrentHashMap.newKeySet();

  /**
   * @param parts the provider, API pods, environment, runtime, events, clock and served namespaces,
   *     each set by name
   * @param status the one writer of this node's pod statuses
   * @param placed the pods this node placed in the provider
   */
  PodSyncer(PodWiring parts, StatusWriter status, PlacedPods placed) {
    this.provider = parts.provider;
    this.pods = parts.apiPods;
    this.resolver = parts.environment;
    this.runtime = parts.runtime;
    this.events = parts.events;
    this.clock = parts.clock;
    this.served = parts.served;
    this.status = status;
    this.placed = placed;
  }

  /**
   * Remembers a pod the API server deleted, so its provider copy can still be removed. The caller
   * then queues its key. Non-blocking.
   */
  public void deleted(V1Pod pod) {
    tombstones.put(PodFacts.key(pod), pod);
  }

  @Override
  public Outcome handle(String key) throws Exception {
    V1Pod pod = pods.get(key);
    if (!served.serves(key.substring(0, key.indexOf('/')))) {
      return pod == null ? Outcome.DONE : refuse(pod);
    }
    if (pod == null) {
      return removeFromProvider(key);
    }
    forgetReplaced(key, pod);
    try {
      if (PodFacts.deleting(pod)) {
        return terminate(pod);
      }
      if (PodFacts.terminal(pod)) {
        return Outcome.DONE;
      }
      boolean neverRan = !placed.contains(PodFacts.uid(pod)) && !PodFacts.ranBefore(pod);
      if (neverRan && !placed.keys().mayHold(key)) {
        return create(pod); // the provider holds nothing under this name: no read first
      }
      Optional<V1Pod> running = provider.getPod(ns(pod), name(pod));
      if (running.isPresent() && !PodFacts.sameUid(running.get(), pod)) {
        logger.info("Provider runs an older pod named {}; replacing it", key);
        provider.deletePod(running.get());
        running = Optional.empty();
      }
      if (running.isPresent()) {
        return adoptOrUpdate(pod, running.get());
      }
      if (placed.contains(PodFacts.uid(pod)) || PodFacts.ranBefore(pod)) {
        return vanished(pod);
      }
      return create(pod);
    } catch (ProviderException e) {
      return retryOrGiveUp(e);
    }
  }

  /**
   * A pod of a namespace the node does not serve: Failed with the cause and an event. In namespaced
   * mode the node's RBAC may not allow these writes; the write then fails with 403, is logged and
   * retried with backoff (the chart's admission policy keeps such pods off the node).
   */
  private Outcome refuse(V1Pod pod) throws Exception {
    if (PodFacts.terminal(pod) || PodFacts.deleting(pod)) {
      return Outcome.DONE;
    }
    String why =
        "namespace "
            + ns(pod)
            + " is not served by this node: it runs only pods of the namespaces "
            + served
            + " (setting namespaces)";
    events.record(pod, EventRecorder.WARNING, PodReasons.NAMESPACE_NOT_SERVED, why);
    status.write(pod, PodReasons.notServed(why));
    return Outcome.DONE;
  }

  private Outcome create(V1Pod pod) throws Exception {
    Resolution resolution = resolver.resolve(pod, runtime.apply(pod));
    for (EnvEvent e : resolution.events()) {
      events.record(pod, e.type(), e.reason(), e.message());
    }
    if (resolution.failure().isPresent()) {
      String why = resolution.failure().get();
      status.write(pod, PodReasons.configError(pod, why));
      return Outcome.retry(why);
    }
    placed.keys().creating(PodFacts.key(pod));
    try {
      provider.createPod(resolution.pod());
    } catch (ProviderException e) {
      events.record(
          pod, EventRecorder.WARNING, e.reason().orElse("ProviderCreateFailed"), e.getMessage());
      status.write(pod, PodReasons.providerFailed(pod, e));
      return retryOrGiveUp(e);
    }
    placed.placed(PodFacts.uid(pod), pod);
    events.record(pod, EventRecorder.NORMAL, "ProviderCreateSuccess", "Created pod in provider");
    return Outcome.DONE;
  }

  private Outcome adoptOrUpdate(V1Pod pod, V1Pod running) throws Exception {
    // Only a change its user made counts: the node's own writes come back through the watch too.
    boolean changed = placed.needsUpdate(pod, running);
    if (changed) {
      Resolution resolution = resolver.resolve(pod, runtime.apply(pod));
      status.renewed(pod); // the provider may redeploy its containers: they start over
      try {
        provider.updatePod(resolution.pod());
        events.record(
            pod, EventRecorder.NORMAL, "ProviderUpdateSuccess", "Updated pod in provider");
      } catch (ProviderException e) {
        events.record(
            pod, EventRecorder.WARNING, e.reason().orElse("ProviderUpdateFailed"), e.getMessage());
        return retryOrGiveUp(e);
      }
    }
    placed.placed(PodFacts.uid(pod), pod);
    return Outcome.DONE;
  }

  /** The provider lost a pod that ran: restart it if its policy allows, else fail it. */
  private Outcome vanished(V1Pod pod) throws Exception {
    String policy = pod.getSpec().getRestartPolicy();
    placed.forget(PodFacts.uid(pod));
    if ("Never".equals(policy)) {
      events.record(
          pod,
          EventRecorder.WARNING,
          PodReasons.PROVIDER_POD_MISSING,
          "The provider no longer runs this pod; restartPolicy Never, so it is marked Failed");
      status.write(pod, PodReasons.vanished(pod, now()));
      return Outcome.DONE;
    }
    events.record(
        pod,
        EventRecorder.WARNING,
        PodReasons.PROVIDER_POD_MISSING,
        "The provider no longer runs this pod; creating it again (restartPolicy " + policy + ")");
    status.renewed(pod); // its containers start over: waiting again is no regression
    return create(pod);
  }

  /** Graceful deletion: stop at the provider, then remove the API object once stopped. */
  private Outcome terminate(V1Pod pod) throws Exception {
    String uid = PodFacts.uid(pod);
    if (removedFromApi.contains(uid)) {
      return Outcome.DONE;
    }
    // Ask once, and only while the provider still has it: a late event must not cost a call. A pod
    // this process placed is there until deleted (deletes are idempotent), so it is deleted with no
    // read first: for a cloud provider that read is a call of its own, as dear as the delete.
    boolean ask = !placed.isDeleting(uid);
    boolean readFirst = !ask || !placed.contains(uid);
    Optional<V1Pod> running = readFirst ? runningCopy(pod) : Optional.empty();
    if (ask && (running.isPresent() || !readFirst)) {
      provider.deletePod(pod);
      placed.markDeleting(uid);
      events.record(pod, EventRecorder.NORMAL, "ProviderDeleteSuccess", "Stopping pod in provider");
      running = runningCopy(pod);
    }
    Instant deadline = pod.getMetadata().getDeletionTimestamp().toInstant();
    boolean stopped = running.isEmpty() || PodFacts.stopped(running.get());
    if (!stopped && clock.instant().isBefore(deadline)) {
      Duration left = Duration.between(clock.instant(), deadline);
      return Outcome.again(left.compareTo(DELETION_CHECK) < 0 ? left : DELETION_CHECK);
    }
    if (!stopped) {
      logger.info("Grace period of {} is over; removing it while still running", PodFacts.key(pod));
    }
    pods.deleteNow(pod);
    removedFromApi.add(uid);
    placed.forget(uid);
    status.forget(uid);
    return Outcome.DONE;
  }

  /** A pod re-created under a deleted one's name: the cache can no longer show the old one. */
  private void forgetReplaced(String key, V1Pod pod) {
    V1Pod last = tombstones.get(key);
    if (last != null && !PodFacts.sameUid(last, pod)) {
      removedFromApi.remove(PodFacts.uid(last));
    }
  }

  private Optional<V1Pod> runningCopy(V1Pod pod) throws ProviderException {
    Optional<V1Pod> held = provider.getPod(ns(pod), name(pod));
    if (held.isEmpty()) {
      placed.keys().absent(PodFacts.key(pod));
    }
    return held.filter(p -> PodFacts.sameUid(p, pod));
  }

  /** The API object is gone (deleted, force-deleted): make sure the provider copy is too. */
  private Outcome removeFromProvider(String key) throws Exception {
    V1Pod last = tombstones.remove(key);
    if (last != null
        && removedFromApi.contains(PodFacts.uid(last))
        && !placed.keys().mayHold(key)) {
      // This node removed the API object once the provider answered that it holds nothing under
      // the name: asking again would only repeat that answer (a cloud read per deleted pod).
      forgetRemoved(last);
      return Outcome.DONE;
    }
    int slash = key.indexOf('/');
    try {
      Optional<V1Pod> running = provider.getPod(key.substring(0, slash), key.substring(slash + 1));
      if (running.isEmpty()) {
        placed.keys().absent(key);
      } else if (last == null || PodFacts.sameUid(running.get(), last)) {
        provider.deletePod(running.get());
        logger.info("Deleted {} at the provider after its API object went away", key);
      }
    } catch (ProviderException e) {
      if (last != null) {
        tombstones.putIfAbsent(key, last);
      }
      return retryOrGiveUp(e);
    }
    if (last != null) {
      forgetRemoved(last);
    }
    return Outcome.DONE;
  }

  private void forgetRemoved(V1Pod last) {
    placed.forget(PodFacts.uid(last));
    status.forget(PodFacts.uid(last));
    removedFromApi.remove(PodFacts.uid(last));
  }

  private static Outcome retryOrGiveUp(ProviderException e) {
    if (!e.retriable() && e.kind() != ProviderException.Kind.NOT_FOUND) {
      return Outcome.DONE;
    }
    return new Outcome.Retry(
        e.kind() + ": " + e.getMessage(), e.retryAfter().orElse(Duration.ZERO));
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static String ns(V1Pod pod) {
    return pod.getMetadata().getNamespace();
  }

  private static String name(V1Pod pod) {
    return pod.getMetadata().getName();
  }
}
