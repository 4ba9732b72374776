package dev.vk.provider.fargate.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.provider.fargate.pods.PodTask;
import dev.vk.provider.testkit.Pods;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.Task;

class ContainerSeriesTest {
  static final Instant STARTED = Instant.parse("2026-01-01T10:00:00Z");

  static Task task(String status, String... runningContainers) {
    return Task.builder()
        .taskArn("arn:aws:ecs:us-east-1:123456789012:task/prod/0123abcd")
        .clusterArn("arn:aws:ecs:us-east-1:123456789012:cluster/prod")
        .taskDefinitionArn("arn:aws:ecs:us-east-1:123456789012:task-definition/vk-web:7")
        .lastStatus(status)
        .startedAt(STARTED)
        .containers(
            List.of(runningContainers).stream()
                .map(n -> Container.builder().name(n).lastStatus("RUNNING").build())
                .toList())
        .build();
  }

  @Test
  @DisplayName("a running task's pod containers map to Container Insights dimensions")
  void dimensions() {
    V1Pod pod = Pods.pod("ns", "web", Pods.container("app"), Pods.container("side"));
    // "vk-volumes" is the task's helper container, not a pod container.
    List<ContainerSeries> series =
        ContainerSeries.of(List.of(new PodTask(pod, task("RUNNING", "app", "side", "vk-volumes"))));
    assertThat(series)
        .containsExactly(
            new ContainerSeries("ns", "web", "app", "prod", "vk-web", "0123abcd", STARTED),
            new ContainerSeries("ns", "web", "side", "prod", "vk-web", "0123abcd", STARTED));
  }

  @Test
  @DisplayName("tasks not running, and containers not running, have no series")
  void onlyRunning() {
    V1Pod pod = Pods.pod("ns", "web", Pods.container("app"), Pods.container("side"));
    assertThat(ContainerSeries.of(List.of(new PodTask(pod, task("PROVISIONING"))))).isEmpty();
    assertThat(ContainerSeries.of(List.of(new PodTask(pod, task("STOPPED", "app"))))).isEmpty();
    assertThat(ContainerSeries.of(List.of(new PodTask(pod, task("RUNNING", "side")))))
        .extracting(ContainerSeries::container)
        .containsExactly("side");
  }

  @Test
  @DisplayName("the family is the task definition ARN without its revision")
  void family() {
    assertThat(ContainerSeries.family("arn:aws:ecs:eu-west-1:1:task-definition/a-b:12"))
        .isEqualTo("a-b");
  }
}
