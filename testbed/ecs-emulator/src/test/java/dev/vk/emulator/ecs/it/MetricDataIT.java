package dev.vk.emulator.ecs.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.vk.emulator.ecs.EcsEmulator;
import dev.vk.emulator.ecs.EmulatorOptions;
import dev.vk.provider.testkit.EmulatorExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

/** The real CloudWatch SDK (Smithy RPC v2 CBOR) reads Container Insights from the emulator. */
@Timeout(60)
class MetricDataIT {
  @RegisterExtension
  static final EmulatorExtension<EcsEmulator> emulator =
      new EmulatorExtension<>(() -> EcsEmulator.start(EmulatorOptions.defaults()));

  private static EcsClient ecs;
  private static CloudWatchClient cloudWatch;

  @BeforeAll
  static void start() {
    ecs = emulator.closeAfter(SdkClients.ecs(emulator.get()));
    cloudWatch = emulator.closeAfter(SdkClients.cloudWatch(emulator.get()));
  }

  private static String runTask() {
    String definition =
        ecs.registerTaskDefinition(
                r ->
                    r.family("metrics-demo")
                        .requiresCompatibilitiesWithStrings("FARGATE")
                        .networkMode(NetworkMode.AWSVPC)
                        .cpu("512")
                        .memory("1024")
                        .containerDefinitions(
                            ContainerDefinition.builder()
                                .name("app")
                                .image("public.ecr.aws/nginx/nginx:latest")
                                .build()))
            .taskDefinition()
            .taskDefinitionArn();
    String arn =
        ecs.runTask(
                r ->
                    r.taskDefinition(definition)
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(
                            n -> n.awsvpcConfiguration(a -> a.subnets("subnet-0abc"))))
            .tasks()
            .get(0)
            .taskArn();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                "RUNNING".equals(ecs.describeTasks(d -> d.tasks(arn)).tasks().get(0).lastStatus()));
    return arn.substring(arn.lastIndexOf('/') + 1);
  }

  private static MetricDataQuery query(String id, String metric, String taskId, String container) {
    List<Dimension> dims = new ArrayList<>();
    dims.add(Dimension.builder().name("ClusterName").value("default").build());
    dims.add(Dimension.builder().name("TaskDefinitionFamily").value("metrics-demo").build());
    dims.add(Dimension.builder().name("TaskId").value(taskId).build());
    if (container != null) {
      dims.add(Dimension.builder().name("ContainerName").value(container).build());
    }
    return MetricDataQuery.builder()
        .id(id)
        .metricStat(
            s ->
                s.metric(
                        m ->
                            m.namespace("ECS/ContainerInsights")
                                .metricName(metric)
                                .dimensions(dims))
                    .period(60)
                    .stat("Average"))
        .build();
  }

  private static GetMetricDataResponse get(List<MetricDataQuery> queries) {
    Instant now = Instant.now();
    return cloudWatch.getMetricData(
        r ->
            r.metricDataQueries(queries)
                .startTime(now.minus(Duration.ofMinutes(5)))
                .endTime(now.plusSeconds(60)));
  }

  @Test
  @DisplayName("a running task's container has CPU units and megabytes; unknown tasks have none")
  void runningTaskHasUsage() {
    String taskId = runTask();
    GetMetricDataResponse response =
        get(
            List.of(
                query("cpu", "ContainerCpuUtilized", taskId, "app"),
                query("mem", "ContainerMemoryUtilized", taskId, "app"),
                query("task", "CpuUtilized", taskId, null),
                query("other", "ContainerCpuUtilized", "0123456789abcdef", "app"),
                query("wrong", "CpuUtilized", taskId, "app")));

    MetricDataResult cpu = response.metricDataResults().get(0);
    assertThat(cpu.id()).isEqualTo("cpu");
    assertThat(cpu.values()).isNotEmpty();
    assertThat(cpu.values().get(0)).isBetween(1.0, 512.0);
    assertThat(cpu.timestamps().get(0)).isBeforeOrEqualTo(Instant.now());
    MetricDataResult memory = response.metricDataResults().get(1);
    assertThat(memory.values().get(0)).isBetween(1.0, 1024.0);
    assertThat(response.metricDataResults().get(2).values()).isEqualTo(cpu.values());
    assertThat(response.metricDataResults().get(3).values()).isEmpty();
    assertThat(response.metricDataResults().get(4).values())
        .as("CpuUtilized has no ContainerName dimension")
        .isEmpty();
  }

  @Test
  @DisplayName("more than 500 queries is the ValidationError CloudWatch answers")
  void tooManyQueries() {
    List<MetricDataQuery> queries = new ArrayList<>();
    for (int i = 0; i < 501; i++) {
      queries.add(query("q" + i, "ContainerCpuUtilized", "t" + i, "app"));
    }
    assertThatThrownBy(() -> get(queries))
        .isInstanceOfSatisfying(
            CloudWatchException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
              assertThat(e.getMessage()).contains("greater than 500");
            });
  }
}
