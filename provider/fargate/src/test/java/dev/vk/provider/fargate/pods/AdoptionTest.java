package dev.vk.provider.fargate.pods;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.provider.fargate.ecs.TaskTags;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Pod;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.Task;

class AdoptionTest {

  @Test
  void aTaskBecomesItsPodWithoutTheVolumeHelper() {
    Task task =
        Task.builder()
            .taskArn("arn:aws:ecs:us-east-1:123456789012:task/default/abc")
            .containers(
                Container.builder().name("vk-volumes").image("busybox:1.36").build(),
                Container.builder().name("init").image("busybox:1.36").build(),
                Container.builder().name("app").image("nginx").build())
            .tags(
                TaskTags.of(
                    Map.of(
                        TaskTags.POD_UID, "u-1",
                        TaskTags.NAMESPACE, "ns",
                        TaskTags.POD_NAME, "web",
                        TaskTags.CLUSTER_ID, "kubernetes",
                        TaskTags.NODE, "vk-1",
                        TaskTags.RESTART_POLICY, "OnFailure",
                        TaskTags.RESTARTS, "3",
                        TaskTags.INIT_CONTAINERS, "init")))
            .build();

    PodRecord record = Adoption.record(task, "kubernetes", "vk-1").orElseThrow();

    V1Pod pod = record.pod();
    assertThat(pod.getMetadata().getUid()).isEqualTo("u-1");
    assertThat(pod.getSpec().getContainers())
        .extracting(V1Container::getName)
        .containsExactly("app");
    assertThat(pod.getSpec().getInitContainers())
        .extracting(V1Container::getName)
        .containsExactly("init");
    assertThat(pod.getSpec().getRestartPolicy()).isEqualTo("OnFailure");
    assertThat(record.restarts()).isEqualTo(3);
  }

  @Test
  void anotherClustersTaskIsNotAdopted() {
    Task task =
        Task.builder()
            .taskArn("arn:aws:ecs:us-east-1:123456789012:task/default/abc")
            .tags(TaskTags.of(Map.of(TaskTags.POD_UID, "u-1", TaskTags.CLUSTER_ID, "other")))
            .build();

    assertThat(Adoption.record(task, "kubernetes", "vk-1")).isEmpty();
  }

  @Test
  void anotherNodesTaskOfThisClusterIsNotAdopted() {
    Task task =
        Task.builder()
            .taskArn("arn:aws:ecs:us-east-1:123456789012:task/default/abc")
            .tags(
                TaskTags.of(
                    Map.of(
                        TaskTags.POD_UID, "u-1",
                        TaskTags.CLUSTER_ID, "kubernetes",
                        TaskTags.NODE, "vk-2")))
            .build();

    assertThat(Adoption.record(task, "kubernetes", "vk-1")).isEmpty();
  }
}
