package dev.vk.provider.fargate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vk.emulator.ecs.EcsEmulator;
import dev.vk.provider.fargate.FargateProvider;
import dev.vk.provider.fargate.ecs.TaskTags;
import dev.vk.provider.testkit.EmulatorExtension;
import dev.vk.provider.testkit.PodStatuses;
import dev.vk.provider.testkit.Pods;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;

/**
 * Two Kubernetes clusters share one ECS cluster, and each has a virtual node of the same name, so
 * their tasks share {@code startedBy} and their task definitions share family names. Neither node
 * adopts, stops or cleans up the other's tasks and task definitions, nor runs a task from the
 * other's task definition, even for a pod of the same namespace and name.
 */
@Timeout(90)
class ForeignTasksIT {
  private static final String NODE = "vk-shared";
  @RegisterExtension final EmulatorExtension<EcsEmulator> emulator = EmulatedFargate.extension();
  private FargateProvider mine;
  private FargateProvider theirs;
  private EcsClient ecs;

  @BeforeEach
  void start() {
    Map<String, String> a = EmulatedFargate.settings(emulator);
    a.put("cluster-id", "cluster-a");
    Map<String, String> b = EmulatedFargate.settings(emulator);
    b.put("cluster-id", "cluster-b");
    mine = EmulatedFargate.provider(emulator, NODE, a);
    theirs = EmulatedFargate.provider(emulator, NODE, b);
    ecs = EmulatedFargate.ecsClient(emulator);
  }

  @Test
  void anotherClustersSameNamedPodsTaskIsNeverAdoptedStoppedOrShared() throws Exception {
    V1Pod foreign = Pods.pod("ns", "web");
    theirs.createPod(foreign);
    awaitReady(theirs, "web");
    Task foreignTask = onlyTask(foreign);

    V1Pod pod = Pods.pod("ns", "web");
    pod.getMetadata().uid(UUID.randomUUID().toString());
    mine.createPod(pod);
    V1Pod running = awaitReady(mine, "web");

    assertThat(running.getMetadata().getUid()).isEqualTo(pod.getMetadata().getUid());
    Task task = onlyTask(pod);
    assertThat(task.taskArn()).isNotEqualTo(foreignTask.taskArn());
    assertThat(definitionCluster(task))
        .as("the task runs a task definition this cluster registered, not the other's")
        .isEqualTo("cluster-a");
    assertThat(definitionCluster(foreignTask)).isEqualTo("cluster-b");

    mine.deletePod(pod);
    mine.deletePod(new V1Pod().metadata(Pods.pod("ns", "web").getMetadata().uid(null)));
    await("this cluster's task stopped")
        .atMost(Duration.ofSeconds(20))
        .until(() -> describe(task).desiredStatus().equals(DesiredStatus.STOPPED.toString()));
    // A cleanup sweep (every 12 status intervals) removes this cluster's unused revision of the
    // shared family; by then several listing rounds have seen the other cluster's task too.
    await("this cluster's unused revision deregistered")
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                ecs.describeTaskDefinition(r -> r.taskDefinition(task.taskDefinitionArn()))
                    .taskDefinition()
                    .statusAsString()
                    .equals("INACTIVE"));

    assertThat(describe(foreignTask).desiredStatus())
        .as("the other cluster's task is never stopped")
        .isEqualTo("RUNNING");
    assertThat(mine.getPods()).noneMatch(p -> p.getMetadata().getName().equals("web"));
    assertThat(
            ecs.describeTaskDefinition(r -> r.taskDefinition(foreignTask.taskDefinitionArn()))
                .taskDefinition()
                .statusAsString())
        .as("the other cluster's task definition is never deregistered")
        .isEqualTo("ACTIVE");
    assertThat(theirs.getPod("ns", "web").orElseThrow().getMetadata().getUid())
        .isEqualTo(foreign.getMetadata().getUid());
  }

  private Task onlyTask(V1Pod pod) {
    List<Task> tasks =
        ecs
            .describeTasks(
                r ->
                    r.cluster("default")
                        .tasks(ecs.listTasks(l -> l.cluster("default")).taskArns())
                        .include(software.amazon.awssdk.services.ecs.model.TaskField.TAGS))
            .tasks()
            .stream()
            .filter(
                t ->
                    TaskTags.get(t, TaskTags.POD_UID)
                        .filter(pod.getMetadata().getUid()::equals)
                        .isPresent())
            .toList();
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  private Task describe(Task task) {
    return ecs.describeTasks(r -> r.cluster("default").tasks(task.taskArn())).tasks().get(0);
  }

  private String definitionCluster(Task task) {
    return TaskTags.toMap(
            ecs.describeTaskDefinition(
                    r ->
                        r.taskDefinition(task.taskDefinitionArn())
                            .include(TaskDefinitionField.TAGS))
                .tags())
        .get(TaskTags.CLUSTER_ID);
  }

  private static V1Pod awaitReady(FargateProvider provider, String name) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> provider.getPod("ns", name),
            p -> p.filter(x -> PodStatuses.isTrue(x, "Ready")).isPresent())
        .orElseThrow();
  }
}
