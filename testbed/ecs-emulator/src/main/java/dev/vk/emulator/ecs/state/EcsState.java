package dev.vk.emulator.ecs.state;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vk.emulator.ecs.http.AwsException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All ECS resources of the emulated account and region. Every read and write synchronizes on this
 * object: request threads and the lifecycle thread share it, and one lock keeps each API call
 * atomic as ECS's own consistency model would at worst allow.
 */
public final class EcsState {
  private final String region;
  private final String accountId;
  private final Arns arns;
  private final boolean autoCreateClusters;
  private final Map<String, Cluster> clusters = new LinkedHashMap<>();
  private final TaskDefinitions taskDefinitions;
  private final Map<String, Task> tasks = new LinkedHashMap<>();
  private final Map<String, IdempotentRun> clientTokens = new HashMap<>();
  private int nextAddress = 10;

  public EcsState(String region, String accountId, boolean autoCreateClusters) {
    this.region = region;
    this.accountId = accountId;
    this.arns = new Arns(region, accountId);
    this.autoCreateClusters = autoCreateClusters;
    this.taskDefinitions = new TaskDefinitions(arns, accountId);
  }

  /** A RunTask remembered by clientToken: the request it carried and the tasks it started. */
  public record IdempotentRun(JsonNode request, List<String> taskIds) {}

  public String region() {
    return region;
  }

  public String accountId() {
    return accountId;
  }

  public Arns arns() {
    return arns;
  }

  public TaskDefinitions taskDefinitions() {
    return taskDefinitions;
  }

  /** Creates the cluster if absent (CreateCluster is idempotent). */
  public synchronized Cluster createCluster(String name) {
    return clusters.computeIfAbsent(name, n -> new Cluster(n, arns.cluster(n)));
  }

  /** Finds a cluster by name or ARN, or throws ClusterNotFoundException. */
  public synchronized Cluster cluster(String nameOrArn) {
    String name = Arns.clusterName(nameOrArn);
    Cluster cluster = clusters.get(name);
    if (cluster == null && autoCreateClusters) {
      cluster = createCluster(name);
    }
    if (cluster == null) {
      throw AwsException.clusterNotFound();
    }
    return cluster;
  }

  public synchronized Optional<Cluster> findCluster(String nameOrArn) {
    return Optional.ofNullable(clusters.get(Arns.clusterName(nameOrArn)));
  }

  public synchronized List<Cluster> clusters() {
    return List.copyOf(clusters.values());
  }

  public synchronized void addTask(Task task) {
    tasks.put(task.id, task);
  }

  /** Finds a task by id or ARN. */
  public synchronized Optional<Task> task(String idOrArn) {
    return Optional.ofNullable(tasks.get(Arns.taskId(idOrArn)));
  }

  /** All known tasks, oldest first. */
  public synchronized List<Task> tasks() {
    return new ArrayList<>(tasks.values());
  }

  /** Forgets tasks stopped longer ago than {@code retention}, as ECS does after about an hour. */
  public synchronized void purgeStopped(Instant now, Duration retention) {
    tasks.values().removeIf(t -> t.stoppedAt != null && t.stoppedAt.plus(retention).isBefore(now));
  }

  public synchronized Optional<IdempotentRun> clientToken(String token) {
    return Optional.ofNullable(clientTokens.get(token));
  }

  public synchronized void rememberClientToken(String token, IdempotentRun run) {
    clientTokens.put(token, run);
  }

  /** Hands out the next private address of the emulated VPC, 10.0.x.y. */
  public synchronized String allocateAddress() {
    int n = nextAddress++;
    return "10.0." + (n / 250) % 256 + "." + (n % 250 + 4);
  }
}
