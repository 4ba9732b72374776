package dev.vk.provider.fargate.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1ExecAction;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1Probe;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ContainerCondition;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;

class TaskDefinitionMapperTest {
  private static final String ROLE = "arn:aws:iam::123456789012:role/";
  private final TaskDefinitionMapper mapper =
      new TaskDefinitionMapper(
          new MappingConfig(
              "vk-node-1",
              "us-east-1",
              Optional.of("/ecs/vk"),
              "vk",
              Optional.of(ROLE + "exec"),
              Optional.of(ROLE + "default"),
              "FARGATE",
              MappingConfig.DEFAULT_VOLUME_IMAGE));

  @Test
  void anExecReadinessProbeIsTheHealthCheckWhenThereIsNoExecLiveness() throws Exception {
    V1Pod pod = pod();
    V1Container app = pod.getSpec().getContainers().get(0);
    app.livenessProbe(null)
        .readinessProbe(
            new V1Probe()
                .exec(new V1ExecAction().command(List.of("test", "-f", "/tmp/ready")))
                .periodSeconds(1)
                .failureThreshold(20));

    var check = container(mapper.plan(pod).registration(), "app").healthCheck();

    assertThat(check.command()).containsExactly("CMD", "test", "-f", "/tmp/ready");
    assertThat(check.interval()).isEqualTo(5);
    assertThat(check.retries()).isEqualTo(10);
  }

  @Test
  void theExecLivenessProbeWinsOverReadiness() throws Exception {
    V1Pod pod = pod();
    pod.getSpec()
        .getContainers()
        .get(0)
        .readinessProbe(
            new V1Probe().exec(new V1ExecAction().command(List.of("test", "-f", "/tmp/ready"))));

    assertThat(container(mapper.plan(pod).registration(), "app").healthCheck().command())
        .containsExactly("CMD", "cat", "/tmp/healthy");
  }

  @Test
  void mapsContainerFieldsTheDockerWay() throws Exception {
    RegisterTaskDefinitionRequest r = mapper.plan(pod()).registration();

    ContainerDefinition app = container(r, "app");
    assertThat(app.entryPoint()).containsExactly("sh", "-c");
    assertThat(app.command()).containsExactly("echo hi");
    assertThat(app.workingDirectory()).isEqualTo("/work");
    assertThat(app.environment())
        .extracting(e -> e.name() + "=" + e.value())
        .containsExactly("A=1");
    assertThat(app.portMappings()).extracting(p -> p.containerPort()).containsExactly(8080);
    assertThat(app.essential()).isTrue();
    assertThat(app.stopTimeout()).isEqualTo(ContainerDefinitions.MAX_STOP_TIMEOUT);
    assertThat(app.healthCheck().command()).containsExactly("CMD", "cat", "/tmp/healthy");
    assertThat(app.logConfiguration().options())
        .containsEntry("awslogs-group", "/ecs/vk")
        .containsEntry("awslogs-stream-prefix", "vk");
    assertThat(r.cpu()).isEqualTo("256");
    assertThat(r.memory()).isEqualTo("512");
    assertThat(r.networkModeAsString()).isEqualTo("awsvpc");
    assertThat(r.requiresCompatibilitiesAsStrings()).containsExactly("FARGATE");
    assertThat(r.executionRoleArn()).isEqualTo(ROLE + "exec");
    assertThat(r.taskRoleArn()).isEqualTo(ROLE + "default");
  }

  @Test
  void initContainersAreNonEssentialAndGateTheAppsOnSuccess() throws Exception {
    RegisterTaskDefinitionRequest r = mapper.plan(pod()).registration();

    assertThat(container(r, "init-a").essential()).isFalse();
    assertThat(container(r, "init-b").dependsOn())
        .extracting(d -> d.containerName() + ":" + d.condition())
        .containsExactly("init-a:" + ContainerCondition.SUCCESS);
    assertThat(container(r, "app").dependsOn())
        .extracting(d -> d.containerName())
        .containsExactly("init-a", "init-b");
  }

  @Test
  void identicalSpecsShareAFamilyAndAChangedSpecGetsAnother() throws Exception {
    V1Pod first = pod();
    V1Pod replica = pod();
    replica.getMetadata().name("web-abc12").uid("other");
    V1Pod changed = pod();
    changed.getSpec().getContainers().get(0).image("busybox:1.37");

    String family = mapper.plan(first).family();
    assertThat(mapper.plan(replica).family()).isEqualTo(family);
    assertThat(mapper.plan(changed).family()).isNotEqualTo(family);
    assertThat(family)
        .matches("vk-vk-node-1-default-web-[0-9a-f]{12}")
        .hasSizeLessThanOrEqualTo(255);
  }

  @Test
  void familyIsSanitisedAndBounded() {
    String family = FamilyNames.family("node.example.com", "ns", "a.b".repeat(200), "0123456789ab");
    assertThat(family).matches("[A-Za-z0-9_-]{1,255}").endsWith("-0123456789ab");
    assertThat(FamilyNames.startedBy("ip-10-0-0-1.eu-west-1.compute.internal"))
        .matches("[A-Za-z0-9_-]{1,36}");
    assertThat(FamilyNames.startedBy("vk-node-1")).isEqualTo("vk-node-1");
  }

  @Test
  void capacityProviderAnnotationIsCheckedAndUsed() throws Exception {
    V1Pod spot = pod();
    spot.getMetadata().annotations(Map.of(PodAnnotations.CAPACITY_PROVIDER, "fargate_spot"));
    V1Pod wrong = pod();
    wrong.getMetadata().annotations(Map.of(PodAnnotations.CAPACITY_PROVIDER, "EC2"));

    assertThat(mapper.plan(spot).capacityProvider()).isEqualTo("FARGATE_SPOT");
    assertThatThrownBy(() -> mapper.plan(wrong))
        .hasMessageStartingWith("metadata.annotations[" + PodAnnotations.CAPACITY_PROVIDER + "]");
  }

  private static ContainerDefinition container(RegisterTaskDefinitionRequest r, String name) {
    return r.containerDefinitions().stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static V1Pod pod() {
    V1Container app =
        new V1Container()
            .name("app")
            .image("busybox:1.36")
            .command(List.of("sh", "-c"))
            .args(List.of("echo hi"))
            .workingDir("/work")
            .env(List.of(new V1EnvVar().name("A").value("1")))
            .ports(List.of(new V1ContainerPort().containerPort(8080)))
            .livenessProbe(
                new V1Probe().exec(new V1ExecAction().command(List.of("cat", "/tmp/healthy"))));
    return new V1Pod()
        .metadata(
            new V1ObjectMeta()
                .namespace("default")
                .name("web-xyz99")
                .generateName("web-")
                .uid("u1"))
        .spec(
            new V1PodSpec()
                .terminationGracePeriodSeconds(600L)
                .initContainers(
                    List.of(
                        new V1Container().name("init-a").image("busybox"),
                        new V1Container().name("init-b").image("busybox")))
                .containers(List.of(app)));
  }
}
