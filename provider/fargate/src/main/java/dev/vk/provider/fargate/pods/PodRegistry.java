package dev.vk.provider.fargate.pods;

import dev.vk.provider.fargate.ecs.TaskDefinitionCleaner;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The pods this node runs, indexed by UID, by namespace and name, and by current task ARN, so a
 * lookup costs the same with ten pods or ten thousand. A name can briefly have two records (a
 * deleted pod still stopping and its re-created successor); lookups by name prefer the one not
 * being deleted. The task index follows each record's task through {@link PodRecord#onTaskChange}.
 */
final class PodRegistry {
  private final Map<String, PodRecord> byUid = new ConcurrentHashMap<>();
  private final Map<String, Set<PodRecord>> byName = new ConcurrentHashMap<>();
  private final Map<String, PodRecord> byTaskArn = new ConcurrentHashMap<>();

  Optional<PodRecord> byUid(String uid) {
    return uid == null ? Optional.empty() : Optional.ofNullable(byUid.get(uid));
  }

  Optional<PodRecord> byName(String namespace, String name) {
    Set<PodRecord> named = byName.get(nameKey(namespace, name));
    return named == null
        ? Optional.empty()
        : named.stream().min(Comparator.comparing(PodRecord::deleting));
  }

  /** Adds the record unless one with its UID exists; returns the one now registered. */
  PodRecord putIfAbsent(PodRecord record) {
    PodRecord existing = byUid.putIfAbsent(record.uid(), record);
    if (existing != null) {
      return existing;
    }
    byName.computeIfAbsent(nameKey(record), key -> ConcurrentHashMap.newKeySet()).add(record);
    record.onTaskChange(this::taskChanged);
    return record;
  }

  void remove(PodRecord record) {
    if (!byUid.remove(record.uid(), record)) {
      return;
    }
    record.onTaskChange((r, previous, current) -> {});
    byName.computeIfPresent(
        nameKey(record),
        (key, named) -> {
          named.remove(record);
          return named.isEmpty() ? null : named;
        });
    record.task().ifPresent(task -> byTaskArn.remove(task.taskArn(), record));
  }

  Collection<PodRecord> all() {
    return byUid.values();
  }

  /** The task definition families of the records' current tasks. */
  Set<String> familiesInUse() {
    return byUid.values().stream()
        .flatMap(r -> r.task().stream())
        .map(t -> TaskDefinitionCleaner.familyOf(t.taskDefinitionArn()))
        .collect(Collectors.toSet());
  }

  /** Whether any record runs {@code taskArn}. */
  boolean knowsTask(String taskArn) {
    return byTaskArn.containsKey(taskArn);
  }

  Optional<PodRecord> byTask(String taskArn) {
    return Optional.ofNullable(byTaskArn.get(taskArn));
  }

  private void taskChanged(PodRecord record, String previous, String current) {
    if (previous != null) {
      byTaskArn.remove(previous, record);
    }
    byTaskArn.put(current, record);
  }

  private static String nameKey(PodRecord record) {
    KeptPod pod = record.kept();
    return nameKey(pod.namespace(), pod.name());
  }

  private static String nameKey(String namespace, String name) {
    return namespace + "/" + name;
  }
}
