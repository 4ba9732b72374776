package dev.vk.emulator.ecs.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.vk.emulator.ecs.EcsEmulator;
import dev.vk.emulator.ecs.EmulatorOptions;
import dev.vk.emulator.ecs.exec.DataChannelClient;
import dev.vk.provider.testkit.EmulatorExtension;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Attachment;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ExecuteCommandResponse;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

/** The real AWS SDK v2 drives a Fargate task's whole life against the emulator. */
@Timeout(60)
class EcsSdkIT {
  private static final String LOG_GROUP = "/ecs/vk";

  @RegisterExtension
  static final EmulatorExtension<EcsEmulator> emulator =
      new EmulatorExtension<>(
          () -> EcsEmulator.start(EmulatorOptions.defaults().logGroup(LOG_GROUP)));

  private static EcsClient ecs;
  private static CloudWatchLogsClient logs;

  @BeforeAll
  static void start() {
    ecs = emulator.closeAfter(SdkClients.ecs(emulator.get()));
    logs = emulator.closeAfter(SdkClients.logs(emulator.get()));
  }

  private static String registerTaskDefinition() {
    return ecs.registerTaskDefinition(
            r ->
                r.family("vk-demo")
                    .requiresCompatibilitiesWithStrings("FARGATE")
                    .networkMode(NetworkMode.AWSVPC)
                    .cpu("256")
                    .memory("512")
                    .executionRoleArn("arn:aws:iam::123456789012:role/ecsTaskExecutionRole")
                    .taskRoleArn("arn:aws:iam::123456789012:role/vk-task")
                    .containerDefinitions(
                        ContainerDefinition.builder()
                            .name("app")
                            .image("public.ecr.aws/nginx/nginx:latest")
                            .environment(
                                KeyValuePair.builder().name("GREETING").value("hi").build())
                            .logConfiguration(
                                l ->
                                    l.logDriver(LogDriver.AWSLOGS)
                                        .options(
                                            java.util.Map.of(
                                                "awslogs-group",
                                                LOG_GROUP,
                                                "awslogs-region",
                                                emulator.get().region(),
                                                "awslogs-stream-prefix",
                                                "vk")))
                            .build()))
        .taskDefinition()
        .taskDefinitionArn();
  }

  private static Task describe(String taskArn) {
    return ecs.describeTasks(r -> r.tasks(taskArn)).tasks().get(0);
  }

  private static DataChannelClient exec(String taskArn, String command) {
    ExecuteCommandResponse response =
        ecs.executeCommand(
            r -> r.task(taskArn).container("app").interactive(true).command(command));
    return DataChannelClient.connect(
        response.session().streamUrl(), response.session().tokenValue());
  }

  @Test
  @DisplayName("register, run, RUNNING with an ENI IP, logs, exec, stop: all through the real SDK")
  void taskLifeThroughTheSdk() {
    String definition = registerTaskDefinition();
    Task started =
        ecs.runTask(
                r ->
                    r.taskDefinition(definition)
                        .launchType(LaunchType.FARGATE)
                        .enableExecuteCommand(true)
                        .startedBy("pod-uid-1")
                        .networkConfiguration(
                            n -> n.awsvpcConfiguration(a -> a.subnets("subnet-0abc"))))
            .tasks()
            .get(0);
    assertThat(started.lastStatus()).isEqualTo("PROVISIONING");

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> "RUNNING".equals(describe(started.taskArn()).lastStatus()));
    Task running = describe(started.taskArn());
    Attachment eni = running.attachments().get(0);
    assertThat(eni.type()).isEqualTo("ElasticNetworkInterface");
    String ip =
        eni.details().stream()
            .filter(d -> d.name().equals("privateIPv4Address"))
            .findFirst()
            .orElseThrow()
            .value();
    assertThat(ip).startsWith("10.0.");
    assertThat(running.containers().get(0).networkInterfaces().get(0).privateIpv4Address())
        .isEqualTo(ip);
    assertThat(running.startedAt()).isAfterOrEqualTo(running.createdAt());

    String stream = "vk/app/" + started.taskArn().substring(started.taskArn().lastIndexOf('/') + 1);
    AtomicReference<String> token = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              GetLogEventsResponse page =
                  logs.getLogEvents(
                      r -> r.logGroupName(LOG_GROUP).logStreamName(stream).startFromHead(true));
              token.set(page.nextForwardToken());
              return page.events().stream()
                  .map(OutputLogEvent::message)
                  .anyMatch(m -> m.contains("tick 1"));
            });
    // Following: a page with nothing new hands back the very token that was sent.
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              GetLogEventsResponse page =
                  logs.getLogEvents(
                      r ->
                          r.logGroupName(LOG_GROUP)
                              .logStreamName(stream)
                              .startFromHead(true)
                              .nextToken(token.get()));
              boolean caughtUp =
                  page.events().isEmpty() && page.nextForwardToken().equals(token.get());
              token.set(page.nextForwardToken());
              return caughtUp;
            });

    try (DataChannelClient echo = exec(started.taskArn(), "echo hi")) {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> echo.exitCode() != null && echo.channelClosed());
      assertThat(echo.output()).isEqualTo("hi\r\n");
      assertThat(echo.exitCode()).isZero();
    }
    try (DataChannelClient failing = exec(started.taskArn(), "sh -c 'exit 3'")) {
      await().atMost(Duration.ofSeconds(10)).until(() -> failing.exitCode() != null);
      assertThat(failing.exitCode()).isEqualTo(3);
    }
    try (DataChannelClient shell = exec(started.taskArn(), "/bin/sh")) {
      shell.type("echo $GREETING from $HOSTNAME\r");
      shell.type("exit 0\r");
      await().atMost(Duration.ofSeconds(10)).until(() -> shell.exitCode() != null);
      assertThat(shell.output()).contains("hi from ip-" + ip.replace('.', '-'));
    }

    Task stopping = ecs.stopTask(r -> r.task(started.taskArn()).reason("Initiated by user")).task();
    assertThat(stopping.desiredStatus()).isEqualTo("STOPPED");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> "STOPPED".equals(describe(started.taskArn()).lastStatus()));
    Task stopped = describe(started.taskArn());
    assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.USER_INITIATED);
    assertThat(stopped.stoppedReason()).isEqualTo("Initiated by user");
    assertThat(stopped.stoppedAt()).isAfterOrEqualTo(stopped.stoppingAt());
  }

  @Test
  @DisplayName("ECS errors reach the SDK as the modeled exception with ECS's message")
  void modeledErrors() {
    assertThatThrownBy(
            () ->
                ecs.registerTaskDefinition(
                    r ->
                        r.family("bad-size")
                            .requiresCompatibilitiesWithStrings("FARGATE")
                            .networkMode(NetworkMode.AWSVPC)
                            .cpu("256")
                            .memory("4096")
                            .containerDefinitions(
                                ContainerDefinition.builder()
                                    .name("app")
                                    .image("busybox")
                                    .build())))
        .isInstanceOf(ClientException.class)
        .hasMessageStartingWith(
            "No Fargate configuration exists for given values: 256 CPU, 4096 memory.");
    assertThatThrownBy(() -> ecs.listTasks(r -> r.cluster("missing")))
        .isInstanceOf(software.amazon.awssdk.services.ecs.model.ClusterNotFoundException.class);
    assertThatThrownBy(() -> logs.getLogEvents(r -> r.logGroupName("/nope").logStreamName("s")))
        .isInstanceOf(
            software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException.class);
  }
}
