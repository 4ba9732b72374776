package dev.vk.emulator.ecs.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vk.emulator.ecs.http.AwsService;
import dev.vk.emulator.ecs.http.OperationRegistry;
import dev.vk.emulator.ecs.json.Json;
import dev.vk.emulator.ecs.state.Cluster;
import dev.vk.emulator.ecs.state.EcsState;
import dev.vk.emulator.ecs.state.Task;
import java.util.List;
import java.util.Optional;

/** CreateCluster, DescribeClusters and ListClusters. */
public final class ClusterOperations {
  private final EcsState state;

  public ClusterOperations(EcsState state) {
    this.state = state;
  }

  public void register(OperationRegistry registry) {
    registry
        .add(AwsService.ECS, "CreateCluster", this::createCluster)
        .add(AwsService.ECS, "DescribeClusters", this::describeClusters)
        .add(AwsService.ECS, "ListClusters", this::listClusters);
  }

  private ObjectNode createCluster(ObjectNode request) {
    synchronized (state) {
      Cluster cluster = state.createCluster(Json.text(request, "clusterName", "default"));
      cluster.tags().putAll(Json.tags(request, "tags"));
      ObjectNode response = Json.object();
      response.set("cluster", render(cluster, false));
      return response;
    }
  }

  private ObjectNode describeClusters(ObjectNode request) {
    synchronized (state) {
      List<String> names = Json.strings(request, "clusters");
      boolean tags = Json.strings(request, "include").contains("TAGS");
      ObjectNode response = Json.object();
      ArrayNode clusters = response.putArray("clusters");
      ArrayNode failures = response.putArray("failures");
      for (String name : names.isEmpty() ? List.of("default") : names) {
        Optional<Cluster> cluster = state.findCluster(name);
        if (cluster.isPresent()) {
          clusters.add(render(cluster.get(), tags));
        } else {
          String arn = name.startsWith("arn:") ? name : state.arns().cluster(name);
          failures.addObject().put("arn", arn).put("reason", "MISSING");
        }
      }
      return response;
    }
  }

  private ObjectNode listClusters(ObjectNode request) {
    synchronized (state) {
      ObjectNode response = Json.object();
      ArrayNode arns = response.putArray("clusterArns");
      state.clusters().forEach(cluster -> arns.add(cluster.arn()));
      return response;
    }
  }

  private ObjectNode render(Cluster cluster, boolean includeTags) {
    List<Task> tasks =
        state.tasks().stream().filter(t -> t.clusterName.equals(cluster.name())).toList();
    ObjectNode json = Json.object();
    json.put("clusterArn", cluster.arn());
    json.put("clusterName", cluster.name());
    json.put("status", "ACTIVE");
    json.put("registeredContainerInstancesCount", 0);
    json.put(
        "runningTasksCount", tasks.stream().filter(t -> "RUNNING".equals(t.lastStatus)).count());
    json.put(
        "pendingTasksCount",
        tasks.stream()
            .filter(t -> "PENDING".equals(t.lastStatus) || "PROVISIONING".equals(t.lastStatus))
            .count());
    json.put("activeServicesCount", 0);
    json.putArray("capacityProviders").add("FARGATE").add("FARGATE_SPOT");
    json.putArray("defaultCapacityProviderStrategy");
    json.putArray("settings").addObject().put("name", "containerInsights").put("value", "disabled");
    if (includeTags) {
      json.set("tags", Json.tagArray(cluster.tags()));
    }
    return json;
  }
}
