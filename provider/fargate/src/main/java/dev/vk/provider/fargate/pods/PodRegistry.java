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
 * The pods this node runs, by UID. A name can briefly have two records (a deleted pod still
 * stopping and its re-created successor); lookups by name prefer the one not being deleted.
 */
final class PodRegistry {
  private final Map<String, PodRecord> byUid = new ConcurrentHashMap<>();

  Optional<PodRecord> byUid(String uid) {
    return uid == null ? Optional.empty() : Optional.ofNullable(byUid.get(uid));
  }

  Optional<PodRecord> byName(String namespace, String name) {
    return byUid.values().stream()
        .filter(
            r ->
                namespace.equals(r.pod().getMetadata().getNamespace())
                    && name.equals(r.pod().getMetadata().getName()))
        .min(Comparator.comparing(PodRecord::deleting));
  }

  /** Adds the record unless one with its UID exists; returns the one now registered. */
  PodRecord putIfAbsent(PodRecord record) {
    PodRecord existing = byUid.putIfAbsent(record.uid(), record);
    return existing == null ? record : existing;
  }

  void remove(PodRecord record) {
    byUid.remove(record.uid(), record);
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
    return byUid.values().stream()
        .anyMatch(r -> r.task().map(t -> t.taskArn().equals(taskArn)).orElse(false));
  }

  Optional<PodRecord> byTask(String taskArn) {
    return byUid.values().stream()
        .filter(r -> r.task().map(t -> t.taskArn().equals(taskArn)).orElse(false))
        .findFirst();
  }
}
