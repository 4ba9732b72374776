package dev.vk.provider.fargate.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.fargate.VolumePods;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.Volume;

/** configMap, secret and projected volumes: the helper container, mounts and content placement. */
class FileVolumesMappingTest {
  private final TaskDefinitionMapper mapper =
      new TaskDefinitionMapper(
          new MappingConfig(
              "vk-node-1",
              "us-east-1",
              Optional.empty(),
              "vk",
              Optional.empty(),
              Optional.empty(),
              "FARGATE",
              "registry.example/busybox:1"));

  @Test
  void podsWithoutSuchVolumesGetNoHelper() throws Exception {
    V1Pod plain = pod("web-a", false);
    TaskPlan plan = mapper.plan(plain);

    assertThat(plan.registration().containerDefinitions())
        .extracting(ContainerDefinition::name)
        .containsExactly("init", "app");
    assertThat(plan.registration().volumes()).isEmpty();
    assertThat(container(plan, "init").dependsOn()).isEmpty();
    assertThat(plan.overrides()).isEmpty();
  }

  @Test
  void helperComesFirstAndEveryContainerWaitsForIt() throws Exception {
    TaskPlan plan = mapper.plan(pod("web-a", true), inputs("token-a", "x"));

    assertThat(plan.registration().containerDefinitions())
        .extracting(ContainerDefinition::name)
        .containsExactly("vk-volumes", "init", "app");
    assertThat(plan.registration().volumes())
        .extracting(Volume::name)
        .containsExactly("cfg", "creds", "kube-api-access-x");
    assertThat(plan.registration().volumes()).allSatisfy(v -> assertThat(v.host()).isNull());
    ContainerDefinition helper = container(plan, "vk-volumes");
    assertThat(helper.essential()).isFalse();
    assertThat(helper.image()).isEqualTo("registry.example/busybox:1");
    assertThat(helper.entryPoint()).containsExactly("sh", "-c");
    assertThat(helper.mountPoints())
        .extracting(m -> m.sourceVolume() + " " + m.containerPath() + " " + m.readOnly())
        .containsExactly(
            "cfg /vk-volumes/cfg false",
            "creds /vk-volumes/creds false",
            "kube-api-access-x /vk-volumes/kube-api-access-x false");
    assertThat(container(plan, "init").dependsOn())
        .extracting(d -> d.containerName() + ":" + d.conditionAsString())
        .containsExactly("vk-volumes:SUCCESS");
    assertThat(container(plan, "app").dependsOn())
        .extracting(d -> d.containerName() + ":" + d.conditionAsString())
        .containsExactly("vk-volumes:SUCCESS", "init:SUCCESS");
    // The kubelet mounts these volumes read-only whatever the pod says; so does the task.
    assertThat(container(plan, "app").mountPoints())
        .extracting(m -> m.sourceVolume() + " " + m.containerPath() + " " + m.readOnly())
        .containsExactly(
            "cfg /etc/config true",
            "creds /etc/creds true",
            "kube-api-access-x " + VolumePods.TOKEN_DIR + " true");
  }

  @Test
  void sharedContentIsInTheDefinitionAndTheTokenInOverrides() throws Exception {
    TaskPlan plan = mapper.plan(pod("web-a", true), inputs("token-a", "x"));

    ContainerDefinition helper = container(plan, "vk-volumes");
    assertThat(helper.environment())
        .extracting(KeyValuePair::value)
        .contains(b64("x"), b64("secret!"), b64("CA"), b64("default"))
        .doesNotContain(b64("token-a"));
    assertThat(plan.overrides().orElseThrow().containerOverrides())
        .singleElement()
        .satisfies(o -> assertThat(o.name()).isEqualTo("vk-volumes"))
        .satisfies(
            o ->
                assertThat(o.environment())
                    .extracting(KeyValuePair::value)
                    .containsExactly(b64("token-a")));
    assertThat(helper.command().get(0))
        .startsWith("set -e\n")
        .contains("mkdir -p '/vk-volumes/creds/db'\n")
        .contains("| base64 -d > '/vk-volumes/creds/db/password'")
        .contains("| base64 -d > '/vk-volumes/kube-api-access-x/token'");
  }

  @Test
  void replicasWithDifferentTokensShareOneRegistration() throws Exception {
    TaskPlan first = mapper.plan(pod("web-a", true), inputs("token-a", "x"));
    TaskPlan second = mapper.plan(pod("web-b", true), inputs("token-b", "x"));
    TaskPlan otherConfig = mapper.plan(pod("web-c", true), inputs("token-c", "y"));

    assertThat(second.family()).isEqualTo(first.family());
    assertThat(second.registration()).isEqualTo(first.registration());
    assertThat(second.overrides()).isNotEqualTo(first.overrides());
    assertThat(otherConfig.family()).isNotEqualTo(first.family());
  }

  @Test
  void replicasWithTheirOwnServiceAccountVolumeNameShareOneRegistration() throws Exception {
    TaskPlan first =
        mapper.plan(generated(pod("web-a", true), "kube-api-access-abcde"), named("abcde"));
    TaskPlan second =
        mapper.plan(generated(pod("web-b", true), "kube-api-access-fghij"), named("fghij"));

    assertThat(second.family()).isEqualTo(first.family());
    assertThat(second.registration()).isEqualTo(first.registration());
    assertThat(first.registration().volumes())
        .extracting(v -> v.name())
        .contains("kube-api-access")
        .doesNotContain("kube-api-access-abcde");
    assertThat(container(first, "app").mountPoints())
        .anySatisfy(m -> assertThat(m.sourceVolume()).isEqualTo("kube-api-access"));
    assertThat(container(first, "vk-volumes").command().get(0))
        .contains("| base64 -d > '/vk-volumes/kube-api-access/token'")
        .contains("| base64 -d > '/vk-volumes/kube-api-access/ca.crt'");
    assertThat(first.overrides().orElseThrow().containerOverrides().get(0).environment())
        .extracting(KeyValuePair::value)
        .containsExactly(b64("token-abcde"));
  }

  /** The pod with its service account volume named as the admission plugin would. */
  private static V1Pod generated(V1Pod pod, String volume) {
    pod.getSpec().getVolumes().stream()
        .filter(v -> v.getName().equals("kube-api-access-x"))
        .forEach(v -> v.setName(volume));
    java.util.stream.Stream.of(pod.getSpec().getContainers(), pod.getSpec().getInitContainers())
        .flatMap(List::stream)
        .flatMap(c -> c.getVolumeMounts().stream())
        .filter(m -> m.getName().equals("kube-api-access-x"))
        .forEach(m -> m.setName(volume));
    return pod;
  }

  private static PodInputs named(String suffix) {
    PodInputs base = inputs("token-" + suffix, "x");
    Map<String, Map<String, byte[]>> files = new java.util.HashMap<>(base.volumeFiles());
    files.put("kube-api-access-" + suffix, files.remove("kube-api-access-x"));
    return new PodInputs(Optional.empty(), files);
  }

  @Test
  void limitsAreRefusedNamingTheVolume() {
    String big = "x".repeat(40 * 1024);
    assertThatThrownBy(() -> mapper.plan(pod("web-a", true), inputs("t", big)))
        .isInstanceOf(ProviderException.class)
        .hasMessageStartingWith("spec.volumes[0].configMap: ")
        .hasMessageContaining("task definition");
    assertThatThrownBy(() -> mapper.plan(pod("web-a", true), inputs("t".repeat(6200), "x")))
        .hasMessageStartingWith("spec.volumes[2].projected: ")
        .hasMessageContaining("RunTask overrides");
  }

  @Test
  void subPathOfSuchAVolumeIsRefused() {
    V1Pod pod = pod("web-a", true);
    pod.getSpec().getContainers().get(0).getVolumeMounts().get(0).subPath("key");
    assertThatThrownBy(() -> mapper.plan(pod, inputs("t", "x")))
        .hasMessageStartingWith("spec.containers[0].volumeMounts[0].subPath: ");
  }

  private static PodInputs inputs(String token, String config) {
    return new PodInputs(
        Optional.empty(),
        Map.of(
            "cfg", Map.of("key", bytes(config), "other", bytes("2")),
            "creds", Map.of("db/password", bytes("secret!")),
            "kube-api-access-x",
                Map.of(
                    "token", bytes(token), "ca.crt", bytes("CA"), "namespace", bytes("default"))));
  }

  private static V1Pod pod(String name, boolean volumes) {
    V1PodSpec spec =
        new V1PodSpec()
            .initContainers(List.of(new V1Container().name("init").image("busybox")))
            .containers(List.of(new V1Container().name("app").image("busybox")));
    if (volumes) {
      VolumePods.addVolumes(spec);
    }
    return new V1Pod()
        .metadata(new V1ObjectMeta().namespace("default").name(name).generateName("web-").uid(name))
        .spec(spec);
  }

  private static ContainerDefinition container(TaskPlan plan, String name) {
    return plan.registration().containerDefinitions().stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(bytes(s));
  }
}
