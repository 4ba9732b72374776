package dev.vk.emulator.ecs.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One task and everything DescribeTasks reports about it. Fields are public because the lifecycle
 * and the JSON renderer are its only writers and readers; all access holds the {@link EcsState}
 * lock.
 */
public final class Task {
  public final String id;
  public final String arn;
  public final String clusterName;
  public final String clusterArn;
  public final TaskDefinition definition;
  public final List<ContainerState> containers;
  public final NetworkInterface eni;
  public final Map<String, String> tags = new LinkedHashMap<>();
  public String cpu;
  public String memory;
  public String capacityProviderName;
  public String group;
  public String startedBy;
  public String availabilityZone;
  public boolean enableExecuteCommand;
  public ObjectNode overrides;

  public String lastStatus = "PROVISIONING";
  public String desiredStatus = "RUNNING";
  public String attachmentStatus = "PRECREATED";
  public String connectivity;
  public String healthStatus = "UNKNOWN";
  public String stopCode;
  public String stoppedReason;
  public Instant createdAt;
  public Instant pullStartedAt;
  public Instant pullStoppedAt;
  public Instant connectivityAt;
  public Instant startedAt;
  public Instant stoppingAt;
  public Instant executionStoppedAt;
  public Instant stoppedAt;
  public long version = 1;

  public Task(
      String id,
      String arn,
      Cluster cluster,
      TaskDefinition definition,
      List<ContainerState> containers,
      NetworkInterface eni) {
    this.id = id;
    this.arn = arn;
    this.clusterName = cluster.name();
    this.clusterArn = cluster.arn();
    this.definition = definition;
    this.containers = List.copyOf(containers);
    this.eni = eni;
  }

  public Optional<ContainerState> container(String name) {
    return containers.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** Whether the task was asked to stop (by a user, an essential exit or AWS). */
  public boolean stopping() {
    return "STOPPED".equals(desiredStatus);
  }

  /** Records a visible change: ECS increments {@code version} on each. */
  public void touch() {
    version++;
  }
}
