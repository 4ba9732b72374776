package dev.vk.provider.fargate.pods;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.provider.fargate.ecs.TaskLauncher;
import dev.vk.provider.fargate.mapping.FileVolumes;
import dev.vk.provider.fargate.metrics.ContainerSeries;
import dev.vk.provider.fargate.status.EcsStatus;
import dev.vk.provider.fargate.status.FargateStatusMapper;
import dev.vk.provider.fargate.status.LivenessFailures;
import dev.vk.provider.fargate.status.Observations;
import dev.vk.provider.fargate.status.PodShape;
import dev.vk.provider.fargate.status.RestartBackoff;
import dev.vk.provider.fargate.status.RestartHistory;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.ecs.model.Attachment;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.ManagedAgent;
import software.amazon.awssdk.services.ecs.model.NetworkInterface;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskOverride;

class KeptTaskTest {
  private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant NOW = CREATED.plusSeconds(3600);
  private static final String ARN = "arn:aws:ecs:us-east-1:123456789012:task/vk/0a1b2c";
  private static final V1Pod POD =
      new V1Pod()
          .metadata(new V1ObjectMeta().namespace("default").name("web-1"))
          .spec(new V1PodSpec().addContainersItem(new V1Container().name("app").image("busybox")));
  private static final PodShape SHAPE =
      new PodShape(List.of(), List.of(new PodShape.Shape("app", "busybox", true, true)), "Always");

  /** Task lastStatus | app container lastStatus | exit (-1 none) | reason | health | stopCode. */
  @ParameterizedTest(name = "{0}/{1} exit {2} {4}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "PROVISIONING | PENDING | -1  | -                        | UNKNOWN   | -",
        "RUNNING      | RUNNING | -1  | -                        | HEALTHY   | -",
        "RUNNING      | RUNNING | -1  | -                        | UNHEALTHY | -",
        "STOPPING     | STOPPED | 0   | -                        | UNKNOWN   | EssentialContainerExited",
        "STOPPED      | STOPPED | 137 | OutOfMemoryError: killed | UNKNOWN   | EssentialContainerExited",
        "STOPPED      | STOPPED | -1  | CannotPullContainerError | UNKNOWN   | TaskFailedToStart",
      })
  void keepsEverythingThePodShowsAndTheProviderReads(
      String last, String app, int exit, String reason, String health, String stopCode) {
    Task described = described(last, app, exit < 0 ? null : exit, reason, health, stopCode);

    Task kept = KeptTask.of(described);

    assertThat(status(kept)).isEqualTo(status(described));
    assertThat(FargateStatusMapper.podIp(kept)).contains("10.0.1.5");
    // What a replacement carries over: read only once the task is ending (TaskPoller replaces a
    // task it has seen STOPPED).
    if (EcsStatus.of(last).ending()) {
      assertThat(TaskLauncher.carriedOverrides(kept))
          .isEqualTo(TaskLauncher.carriedOverrides(described))
          .isPresent();
    } else {
      assertThat(kept.overrides()).isNull();
    }
    assertThat(LivenessFailures.failedContainer(SHAPE, kept))
        .isEqualTo(LivenessFailures.failedContainer(SHAPE, described));
    assertThat(ContainerSeries.of(List.of(new PodTask(POD, kept))))
        .isEqualTo(ContainerSeries.of(List.of(new PodTask(POD, described))));
    if (stopCode != null) {
      assertThat(RestartBackoff.delay(2, kept, NOW))
          .isEqualTo(RestartBackoff.delay(2, described, NOW));
    }
    assertThat(kept.clusterArn()).isEqualTo(described.clusterArn());
    assertThat(kept.taskDefinitionArn()).isEqualTo(described.taskDefinitionArn());
    assertThat(kept.capacityProviderName()).isEqualTo("FARGATE_SPOT");
    assertThat(kept.version()).isEqualTo(7L);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"RUNNING", "STOPPED"})
  void dropsWhatNothingReads(String last) {
    Task kept = KeptTask.of(described(last, last, null, null, "UNKNOWN", null));

    assertThat(kept.tags()).isEmpty();
    assertThat(kept.group()).isNull();
    assertThat(kept.availabilityZone()).isNull();
    assertThat(kept.attachments().get(0).details())
        .extracting(KeyValuePair::name)
        .containsExactly(FargateStatusMapper.POD_IP_DETAIL);
    assertThat(kept.containers())
        .allSatisfy(
            c -> {
              assertThat(c.managedAgents()).isEmpty();
              assertThat(c.containerArn()).isNull();
              assertThat(c.taskArn()).isNull();
              assertThat(c.networkInterfaces())
                  .allSatisfy(n -> assertThat(n.attachmentId()).isNull());
            });
  }

  @Test
  void tasksDescribedApartHoldTheValuesTheyRepeatOnce() {
    Task first = KeptTask.of(readApart());
    Task second = KeptTask.of(readApart());

    assertThat(second.clusterArn()).isSameAs(first.clusterArn());
    assertThat(second.taskDefinitionArn()).isSameAs(first.taskDefinitionArn());
    assertThat(second.lastStatus()).isSameAs(first.lastStatus());
    assertThat(second.containers().get(1).imageDigest())
        .isSameAs(first.containers().get(1).imageDigest());
    assertThat(FargateStatusMapper.podIp(second).orElseThrow())
        .isSameAs(FargateStatusMapper.podIp(first).orElseThrow());
  }

  /** A described task whose strings are new instances, as each response read builds them. */
  private static Task readApart() {
    Task t = described("RUNNING", "RUNNING", null, null, "HEALTHY", null);
    return t.toBuilder()
        .clusterArn(new String(t.clusterArn()))
        .taskDefinitionArn(new String(t.taskDefinitionArn()))
        .lastStatus(new String(t.lastStatus()))
        .attachments(
            t.attachments().get(0).toBuilder()
                .details(detail(FargateStatusMapper.POD_IP_DETAIL, new String("10.0.1.5")))
                .build())
        .containers(
            t.containers().stream()
                .map(c -> c.toBuilder().imageDigest(new String(c.imageDigest())).build())
                .toList())
        .build();
  }

  /** A task as DescribeTasks (include TAGS) answers it: every field ECS fills in. */
  private static Task described(
      String last, String app, Integer exit, String reason, String health, String stopCode) {
    boolean started = !"PROVISIONING".equals(last) && !"TaskFailedToStart".equals(stopCode);
    Task.Builder b =
        Task.builder()
            .taskArn(ARN)
            .clusterArn("arn:aws:ecs:us-east-1:123456789012:cluster/vk")
            .taskDefinitionArn("arn:aws:ecs:us-east-1:123456789012:task-definition/vk-web:3")
            .capacityProviderName("FARGATE_SPOT")
            .availabilityZone("us-east-1a")
            .group("vk:default")
            .launchType("FARGATE")
            .platformVersion("1.4.0")
            .platformFamily("Linux")
            .enableExecuteCommand(true)
            .version(7L)
            .lastStatus(last)
            .desiredStatus(stopCode == null ? "RUNNING" : "STOPPED")
            .cpu("256")
            .memory("512")
            .healthStatus(health)
            .createdAt(CREATED)
            .startedBy("vk-node")
            .tags(
                Tag.builder().key("vk.pod-uid").value("9f0e").build(),
                Tag.builder().key("vk.pod-name").value("web-1").build())
            .overrides(
                TaskOverride.builder()
                    .containerOverrides(
                        ContainerOverride.builder()
                            .name(FileVolumes.HELPER)
                            .environment(
                                KeyValuePair.builder().name("VK_FILES_0").value("H4sI").build())
                            .build())
                    .build())
            .attachments(
                Attachment.builder()
                    .id("eni-attach-1")
                    .type("ElasticNetworkInterface")
                    .status("ATTACHED")
                    .details(
                        detail("subnetId", "subnet-1"),
                        detail("networkInterfaceId", "eni-1"),
                        detail("macAddress", "0a:1b:2c:3d:4e:5f"),
                        detail("privateDnsName", "ip-10-0-1-5.ec2.internal"),
                        detail(FargateStatusMapper.POD_IP_DETAIL, "10.0.1.5"))
                    .build())
            .containers(
                container(FileVolumes.HELPER, "STOPPED", 0, null, "UNKNOWN"),
                container("app", app, exit, reason, health));
    if (started) {
      b.startedAt(CREATED.plusSeconds(30));
    }
    if (stopCode != null) {
      b.stopCode(stopCode).stoppedReason("stopped: " + stopCode).stoppedAt(NOW);
    }
    return b.build();
  }

  private static Container container(
      String name, String last, Integer exit, String reason, String health) {
    return Container.builder()
        .containerArn(ARN.replace(":task/", ":container/") + "/" + name)
        .taskArn(ARN)
        .name(name)
        .image("busybox")
        .imageDigest("sha256:4f2a")
        .runtimeId("0a1b2c-" + name)
        .lastStatus(last)
        .exitCode(exit)
        .reason(reason)
        .healthStatus(health)
        .cpu("0")
        .networkInterfaces(
            NetworkInterface.builder()
                .attachmentId("eni-attach-1")
                .privateIpv4Address("10.0.1.5")
                .build())
        .managedAgents(
            ManagedAgent.builder().name("ExecuteCommandAgent").lastStatus("RUNNING").build())
        .build();
  }

  private static KeyValuePair detail(String name, String value) {
    return KeyValuePair.builder().name(name).value(value).build();
  }

  private static Object status(Task task) {
    return FargateStatusMapper.map(SHAPE, task, RestartHistory.NONE, new Observations(), NOW);
  }
}
