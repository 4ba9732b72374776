package dev.vk.provider.fargate.pods;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.fargate.ecs.TaskReader;
import dev.vk.provider.fargate.ecs.TaskTags;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Keeps every record's task current at a cost that does not grow per pod per poll.
 *
 * <p>Each round (every transition interval): tasks that are starting or stopping are described, 100
 * per DescribeTasks call. Every status interval, one ListTasks by {@code startedBy} (100 ARNs a
 * page) lists this node's tasks still meant to run; a steady RUNNING task missing from it has
 * stopped or is stopping and is described, and a listed task no record knows is adopted. With N
 * steady tasks a minute costs ceil(N/100) x 60/status-interval calls: 1000 pods at 25 s, 24 calls.
 * Steady tasks with ECS health checks (exec probes) are also described every status interval, since
 * only DescribeTasks shows health: ceil(H/100) more calls per interval for H such tasks. A liveness
 * check that ECS reports UNHEALTHY stops the task ({@link LivenessEnforcer}).
 */
final class TaskPoller {
  private static final Logger log = LoggerFactory.getLogger(TaskPoller.class);
  private final PodRegistry registry;
  private final TaskReader reader;
  private final Restarter restarter;
  private final LivenessEnforcer liveness;
  private final Clock clock;
  private final String clusterId;
  private final String nodeName;
  private final Set<String> foreign = ConcurrentHashMap.newKeySet();
  private volatile Consumer<V1Pod> listener;
  private static final Duration ADOPTION_GRACE = Duration.ofSeconds(2);
  private boolean listedOnce; // guarded by this
  private volatile boolean closed;

  TaskPoller(
      PodRegistry registry,
      TaskReader reader,
      Restarter restarter,
      LivenessEnforcer liveness,
      Clock clock,
      String clusterId,
      String nodeName) {
    this.registry = registry;
    this.reader = reader;
    this.restarter = restarter;
    this.liveness = liveness;
    this.clock = clock;
    this.clusterId = clusterId;
    this.nodeName = nodeName;
  }

  void listen(Consumer<V1Pod> listener) {
    this.listener = listener;
  }

  /**
   * One round as the scheduler runs it: failures are logged and the next round tries again. After
   * {@link #close()} a round cut short (the cloud client is gone) is not an error worth a log line.
   */
  void tickQuietly() {
    quietly(false);
  }

  /** A listing round, run at a fixed rate of the status interval. */
  void listQuietly() {
    quietly(true);
  }

  private void quietly(boolean list) {
    try {
      tick(list);
    } catch (ProviderException e) {
      if (!closed) {
        log.warn("Task poll failed; retrying next round: {}", e.getMessage());
      }
    } catch (RuntimeException e) {
      if (!closed) {
        log.error("Task poll failed unexpectedly", e);
      }
    }
  }

  /** Stops reporting failures: the provider is shutting down. */
  void close() {
    closed = true;
  }

  /**
   * The startup round: lists and adopts this node's running tasks, then the pods whose last task
   * stopped while the node was down (ECS keeps stopped tasks for an hour or more), so a finished
   * pod shows its real end instead of being lost and a restarting one continues its count. Blocks.
   */
  synchronized void adoptTasks() throws ProviderException {
    tick(true);
    Set<String> known = new HashSet<>(foreign);
    registry.all().forEach(r -> r.task().ifPresent(t -> known.add(t.taskArn())));
    Instant now = clock.instant();
    Map<String, Task> latest = new HashMap<>();
    for (Task task : reader.stopped(known)) {
      String uid = TaskTags.get(task, TaskTags.POD_UID).orElse(null);
      if (uid == null || registry.byUid(uid).isPresent()) {
        continue; // not ours, or its pod runs a newer task
      }
      latest.merge(uid, task, (a, b) -> restartNumber(a) >= restartNumber(b) ? a : b);
    }
    for (Task task : latest.values()) {
      Adoption.record(task, clusterId, nodeName)
          .ifPresent(
              adopted -> {
                PodRecord record = registry.putIfAbsent(adopted);
                record.apply(task, now);
                // The node deletes orphans right after this listing; no replacement before that.
                record.holdReplacement(now.plus(ADOPTION_GRACE));
                deliver(record, now);
              });
    }
  }

  private static int restartNumber(Task task) {
    try {
      return Integer.parseInt(TaskTags.get(task, TaskTags.RESTARTS).orElse("0"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * One round. Blocks on ECS. With {@code list} it also lists (and adopts) this node's tasks; the
   * engine asks for that at a fixed rate of the status interval, so a steady task's exit is seen
   * within one interval plus the listing, not rounded up to the next transition round.
   */
  synchronized void tick(boolean list) throws ProviderException {
    Instant now = clock.instant();
    Set<String> describe = new LinkedHashSet<>();
    for (PodRecord r : registry.all()) {
      if (r.inTransition()) {
        r.task().ifPresent(t -> describe.add(t.taskArn()));
      }
    }
    if (list || !listedOnce) {
      Set<String> listed = reader.listRunning();
      listedOnce = true;
      for (PodRecord r : registry.all()) {
        r.task()
            .filter(t -> r.watchesHealth() || (r.steady() && !listed.contains(t.taskArn())))
            .ifPresent(t -> describe.add(t.taskArn()));
      }
      listed.stream()
          .filter(arn -> !foreign.contains(arn) && !registry.knowsTask(arn))
          .forEach(describe::add);
    }
    if (!describe.isEmpty()) {
      for (Task task : reader.describe(describe)) {
        apply(task, now);
      }
    }
    for (PodRecord r : registry.all()) {
      liveness.check(r);
      if (r.replacementDue(now)) {
        restarter.replace(r);
      }
      deliver(r, now);
    }
  }

  private void apply(Task task, Instant now) {
    var known = registry.byTask(task.taskArn());
    if (known.isPresent()) {
      known.get().apply(task, now);
      return;
    }
    var adopted = Adoption.record(task, clusterId, nodeName);
    if (adopted.isEmpty()) {
      foreign.add(task.taskArn());
      return;
    }
    PodRecord record = registry.putIfAbsent(adopted.get());
    if (record == adopted.get() || record.task().isEmpty()) {
      record.apply(task, now);
    }
  }

  private void deliver(PodRecord r, Instant now) {
    var changed = r.changedSince(now);
    Consumer<V1Pod> target = listener;
    if (changed.isPresent()) {
      if (target != null) {
        target.accept(changed.get());
      }
    } else if (r.finished()) {
      registry.remove(r); // Its final status was delivered last round; nothing left to watch.
    }
  }
}
