package dev.vk.provider.mock;

import dev.vk.kubelet.types.ContainerExecutor;
import dev.vk.kubelet.types.ContainerLogSource;
import dev.vk.kubelet.types.ContainerRef;
import dev.vk.kubelet.types.LogLine;
import dev.vk.kubelet.types.LogOptions;
import dev.vk.kubelet.types.PodMetricsSource;
import dev.vk.kubelet.types.PodRef;
import dev.vk.kubelet.types.PortForwarding;
import dev.vk.kubelet.types.PortStream;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.kubelet.types.ResourceUsage;
import dev.vk.kubelet.types.StreamIO;
import dev.vk.provider.PodLifecycle;
import dev.vk.provider.PodStatusNotifier;
import dev.vk.provider.ProviderContext;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A provider that runs no containers: it simulates them as a deterministic function of the time
 * since each pod was created, so that with a {@code state-file} its pods outlive the node process
 * the way a cloud's would. See {@code docs/providers/mock.md} for the full behaviour.
 *
 * <p>Per-pod behaviour, by annotation:
 *
 * <ul>
 *   <li>{@code mock.vk.dev/exit-after: 5s} the main (first) container exits after this long; with
 *       restartPolicy Always, or OnFailure and a non-zero code, it restarts after 500ms.
 *   <li>{@code mock.vk.dev/exit-code: "3"} its exit code (default 0); reason Completed for 0, Error
 *       otherwise.
 *   <li>{@code mock.vk.dev/init-duration: 500ms} how long each init container runs (default 500ms).
 *   <li>{@code mock.vk.dev/fail-create: "message"} createPod fails with INVALID_INPUT and this
 *       message.
 * </ul>
 *
 * <p>Pods with {@code spec.hostNetwork: true} are refused with INVALID_INPUT, as a cloud would.
 * deletePod removes the pod at once: getPod is then empty and getPods no longer lists it, and the
 * notifier pushes its final status (containers terminated with exit code 0, phase Succeeded). Every
 * public method is thread-safe and, when a state file is set, the pod operations block on a file
 * write.
 *
 * <p>The kubelet API abilities read the same timeline: each container run logs a line a second
 * ({@link RunLog}), exec runs a {@link dev.vk.provider.mock.shell.TinyShell}, attach streams the
 * log and echoes stdin, port-forward echoes, and stats are synthetic ({@link SyntheticMetrics}).
 */
public final class InMemoryProvider
    implements PodLifecycle,
        PodStatusNotifier,
        ContainerLogSource,
        ContainerExecutor,
        PortForwarding,
        PodMetricsSource,
        AutoCloseable {

  private static final Logger logger = LoggerFactory.getLogger(InMemoryProvider.class);

  private final MockSettings settings;
  private final Clock clock;
  private final PodStatusCalculator calculator;
  private final ChangingStatuses changing; // guarded by this
  private final StateStore store;
  private final MockState state; // guarded by this
  private final MockThreads threads = new MockThreads();
  private final ContainerLookup lookup;
  private final MockLogs logs;
  private volatile StatusTicker ticker;

  /** Loads the state file, when one is set. May block on disk I/O. */
  public InMemoryProvider(ProviderContext context) {
    this(context, Clock.systemUTC());
  }

  /**
   * As {@link #InMemoryProvider(ProviderContext)}, with the clock that drives the simulation.
   *
   * @throws IllegalArgumentException when a setting is invalid or the state file unreadable
   */
  public InMemoryProvider(ProviderContext context, Clock clock) {
    this.settings = MockSettings.from(context);
    this.clock = clock;
    this.calculator = new PodStatusCalculator(settings.startDelay());
    this.changing = new ChangingStatuses(calculator);
    this.store = new StateStore(settings.stateFile());
    this.state = store.load();
    state.pods().forEach(changing::track);
    this.lookup = new ContainerLookup(this::record, calculator, settings.startDelay(), clock);
    this.logs = new MockLogs(lookup, clock);
  }

  /** The call counters of the state file, by operation; empty when there is no file. Blocks. */
  public static Map<String, Long> readCallCounts(Path stateFile) throws IOException {
    return StateFile.read(stateFile).map(StateFile.Document::callCounts).orElse(Map.of());
  }

  /**
   * Calls so far by operation (create, update, delete, getPod, getPods), persisted ones included.
   */
  public synchronized Map<String, Long> callCounts() {
    return state.callCounts();
  }

  @Override
  public void createPod(V1Pod pod) throws ProviderException {
    Optional<V1Pod> replaced = counted("create", () -> create(pod));
    replaced.ifPresent(this::deliverFinal);
  }

  @Override
  public void updatePod(V1Pod pod) throws ProviderException {
    counted(
        "update",
        () -> {
          PodRecord old = find(pod).orElseThrow(() -> ProviderException.notFound(describe(pod)));
          PodRecord updated = PodRecord.of(pod, old.createdAt(), old.podIp());
          state.put(updated);
          changing.track(updated);
          return null;
        });
  }

  @Override
  public void deletePod(V1Pod pod) throws ProviderException {
    Optional<V1Pod> deleted =
        counted(
            "delete",
            () -> {
              Optional<PodRecord> record = find(pod);
              record.ifPresent(
                  r -> {
                    state.remove(r.key());
                    changing.forget(r.key());
                  });
              return record.map(r -> withStatus(r, calculator.stoppedAt(r, now())));
            });
    deleted.ifPresent(this::deliverFinal);
  }

  @Override
  public Optional<V1Pod> getPod(String namespace, String name) throws ProviderException {
    return counted("getPod", () -> state.get(PodRecord.key(namespace, name)).map(this::current));
  }

  /**
   * Every pod with its status now. The pods share metadata and spec with the mock's records (which
   * are replaced, never modified): read them, do not modify them. A deep copy per pod (a JSON round
   * trip) on each reconcile made the node's CPU per pod grow with its pod count.
   */
  @Override
  public List<V1Pod> getPods() throws ProviderException {
    return counted("getPods", this::snapshot);
  }

  /** Starts the status thread; may be called once. Does not block. */
  @Override
  public synchronized void notifyPods(Consumer<V1Pod> onStatusChange) {
    if (ticker != null) {
      throw new IllegalStateException("notifyPods was already called");
    }
    ticker = new StatusTicker(this::views, InMemoryProvider::detach, onStatusChange);
    ticker.start();
  }

  /** The current lines of a container run; with follow, new ones as time passes. Non-blocking. */
  @Override
  public Flow.Publisher<LogLine> logs(ContainerRef container, LogOptions options)
      throws ProviderException {
    return logs.open(container, options);
  }

  /** Starts {@code command} on a worker thread and returns at once. */
  @Override
  public CompletionStage<Integer> exec(ContainerRef container, List<String> command, StreamIO io)
      throws ProviderException {
    return new MockExec(threads.workers()).start(lookup.running(container), command, io);
  }

  /**
   * Streams the container's new log lines and echoes stdin to stdout; ends when the run ends, the
   * pod is deleted, stdin ends or the client goes away. Returns at once.
   */
  @Override
  public CompletionStage<Void> attach(ContainerRef container, StreamIO io)
      throws ProviderException {
    lookup.running(container);
    return new AttachSession(io)
        .start(logs.open(container, LogOptions.NEW_LINES), threads.workers());
  }

  /** Echoes the connection's bytes on a worker thread; returns at once. */
  @Override
  public CompletionStage<Void> forward(PodRef pod, int port, PortStream stream)
      throws ProviderException {
    lookup.runningPod(pod);
    return new EchoForwarder(threads.workers()).start(port, stream);
  }

  /** Synthetic usage of every running container at the clock's instant. Does not block. */
  @Override
  public ResourceUsage usage() {
    Instant now = now();
    List<V1Pod> pods;
    synchronized (this) {
      // Metadata shared read-only: a deep copy per pod would make every scrape cost JSON work.
      pods =
          state.pods().stream()
              .map(
                  r ->
                      new V1Pod()
                          .metadata(r.pod().getMetadata())
                          .status(calculator.statusAt(r, now)))
              .toList();
    }
    return SyntheticMetrics.of(pods, now);
  }

  /**
   * Stops the status thread, log followers and running commands. Idempotent; may block up to a
   * second.
   */
  @Override
  public void close() {
    StatusTicker current = ticker;
    if (current != null) {
      current.close();
    }
    logs.close();
    threads.close();
  }

  /** Log requests being read now, so tests can check that none outlives its stream. */
  int runningLogReaders() {
    return logs.running();
  }

  /** Worker threads busy with exec, attach or port-forward, so tests can check they end. */
  int busyWorkers() {
    return threads.activeWorkers();
  }

  /** Returns the final status of a pod with the same name it replaces, if any. */
  private Optional<V1Pod> create(V1Pod pod) throws ProviderException {
    PodAdmission.check(pod);
    String key = PodRecord.key(pod.getMetadata().getNamespace(), pod.getMetadata().getName());
    Optional<PodRecord> existing = state.get(key);
    if (existing.isPresent() && existing.get().uid().equals(pod.getMetadata().getUid())) {
      return Optional.empty();
    }
    // Same name, other UID: the old pod is gone for good, as when a cloud overwrites a group.
    existing.ifPresent(old -> state.remove(key));
    Instant createdAt = now().truncatedTo(ChronoUnit.MILLIS);
    PodRecord created = PodRecord.of(pod, createdAt, state.allocateAddress());
    state.put(created);
    changing.track(created); // replaces the old pod's record, if any
    logger.debug("Created pod {} ({})", key, pod.getMetadata().getUid());
    return existing.map(old -> withStatus(old, calculator.stoppedAt(old, now())));
  }

  /** The record for this pod: same name and, when the caller gives one, same UID. */
  private Optional<PodRecord> find(V1Pod pod) {
    String uid = pod.getMetadata().getUid();
    return state
        .get(PodRecord.key(pod.getMetadata().getNamespace(), pod.getMetadata().getName()))
        .filter(r -> uid == null || uid.equals(r.uid()));
  }

  private synchronized Optional<PodRecord> record(String namespace, String name) {
    return state.get(PodRecord.key(namespace, name));
  }

  private synchronized List<V1Pod> snapshot() {
    Instant now = now();
    return state.pods().stream().map(r -> view(r, calculator.statusAt(r, now))).toList();
  }

  /**
   * Each pod whose status may have changed, with its status now, sharing metadata and spec with the
   * records: the ticker reads them every tick and detaches only those it delivers (a deep copy is a
   * JSON round trip). A pod whose status settled is listed once more, then no longer.
   */
  private synchronized List<V1Pod> views() {
    List<V1Pod> views = new ArrayList<>();
    changing.statusesAt(now(), (record, status) -> views.add(view(record, status)));
    return views;
  }

  /** The record's pod with {@code status}, sharing its metadata and spec: read only. */
  private static V1Pod view(PodRecord record, V1PodStatus status) {
    V1Pod pod = record.pod();
    return new V1Pod()
        .apiVersion(pod.getApiVersion())
        .kind(pod.getKind())
        .metadata(pod.getMetadata())
        .spec(pod.getSpec())
        .status(status);
  }

  /**
   * What the node needs of a pushed pod, sharing nothing with the mock's state: its identity and a
   * copy of its status. A whole copy of the pod (spec and all) was the largest garbage per tick.
   */
  private static V1Pod detach(V1Pod view) {
    V1ObjectMeta meta = view.getMetadata();
    return new V1Pod()
        .apiVersion(view.getApiVersion())
        .kind(view.getKind())
        .metadata(
            new V1ObjectMeta()
                .namespace(meta.getNamespace())
                .name(meta.getName())
                .uid(meta.getUid()))
        .status(view.getStatus() == null ? null : PodRecord.copy(view.getStatus()));
  }

  private V1Pod current(PodRecord record) {
    return withStatus(record, calculator.statusAt(record, now()));
  }

  private static V1Pod withStatus(PodRecord record, V1PodStatus status) {
    return PodRecord.copy(record.pod()).status(status);
  }

  private void deliverFinal(V1Pod pod) {
    StatusTicker current = ticker;
    if (current != null) {
      current.deliverFinal(pod); // outside our lock: a tick takes the ticker's lock, then ours
    }
  }

  private Instant now() {
    return clock.instant();
  }

  private static String describe(V1Pod pod) {
    return "pod "
        + pod.getMetadata().getNamespace()
        + "/"
        + pod.getMetadata().getName()
        + " (uid "
        + pod.getMetadata().getUid()
        + ") does not exist";
  }

  /** One operation: counted, run under the lock, then persisted even when it failed. */
  private synchronized <T> T counted(String operation, Operation<T> body) throws ProviderException {
    state.count(operation);
    ProviderException failure = null;
    T result = null;
    try {
      result = body.run();
    } catch (ProviderException e) {
      failure = e;
    }
    store.save(state);
    if (failure != null) {
      throw failure;
    }
    return result;
  }

  @FunctionalInterface
  private interface Operation<T> {
    T run() throws ProviderException;
  }
}
