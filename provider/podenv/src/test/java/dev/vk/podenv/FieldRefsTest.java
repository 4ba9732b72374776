package dev.vk.podenv;

import static dev.vk.podenv.Fixtures.RUNTIME;
import static dev.vk.podenv.Fixtures.container;
import static dev.vk.podenv.Fixtures.env;
import static dev.vk.podenv.Fixtures.fieldRef;
import static dev.vk.podenv.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1HostIP;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodIP;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The downward API's fieldRef, for every path API validation allows in env. */
class FieldRefsTest {

  private final EnvironmentResolver resolver = new EnvironmentResolver(new InMemoryObjectLookup());

  private static V1Pod describedPod(V1EnvVar var) {
    V1Pod pod = pod(container("app", var));
    pod.getMetadata()
        .labels(Map.of("app", "shop", "tier", "front"))
        .annotations(Map.of("example.com/owner", "team-a"));
    pod.getSpec().serviceAccountName("shop-sa");
    pod.status(
        new V1PodStatus()
            .hostIP("192.168.1.10")
            .hostIPs(List.of(new V1HostIP().ip("192.168.1.10"), new V1HostIP().ip("fd00::10")))
            .podIP("10.1.2.3")
            .podIPs(List.of(new V1PodIP().ip("10.1.2.3"), new V1PodIP().ip("fd00::1:2:3"))));
    return pod;
  }

  private Resolution resolve(V1Pod pod) {
    return resolver.resolve(pod, RUNTIME);
  }

  @ParameterizedTest(name = "{0} = \"{1}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "metadata.name|web",
        "metadata.namespace|shop",
        "metadata.uid|uid-1",
        "metadata.labels['app']|shop",
        "metadata.labels['missing']|''",
        "metadata.annotations['example.com/owner']|team-a",
        "spec.nodeName|vk-node",
        "spec.serviceAccountName|shop-sa",
        "status.hostIP|192.168.1.10",
        "status.hostIPs|192.168.1.10,fd00::10",
        "status.podIP|10.1.2.3",
        "status.podIPs|10.1.2.3,fd00::1:2:3"
      })
  void readsThePod(String path, String expected) {
    Resolution r = resolve(describedPod(fieldRef("V", path)));

    assertThat(env(r, "app")).containsExactly(Map.entry("V", expected));
    assertThat(r.canStart()).isTrue();
  }

  @ParameterizedTest(name = "{0} = \"{1}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "status.hostIP|10.0.0.1",
        "status.hostIPs|10.0.0.1",
        "status.podIP|10.244.0.7",
        "status.podIPs|10.244.0.7",
        "metadata.labels['app']|''",
        "spec.serviceAccountName|''"
      })
  void fallsBackToTheRuntimeWhileThePodHasNoStatus(String path, String expected) {
    Resolution r = resolve(pod(container("app", fieldRef("V", path))));

    assertThat(env(r, "app")).containsExactly(Map.entry("V", expected));
  }

  @Test
  void nodeNameComesFromTheRuntimeWhenTheSpecLacksIt() {
    V1Pod pod = pod(container("app", fieldRef("NODE", "spec.nodeName")));
    pod.getSpec().nodeName(null);

    assertThat(env(resolve(pod), "app")).containsExactly(Map.entry("NODE", "vk-node"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "spec.restartPolicy|unsupported fieldPath: spec.restartPolicy",
        "metadata.labels|unsupported fieldPath: metadata.labels",
        "status.phase|unsupported fieldPath: status.phase",
        "spec.nodeName['x']|fieldPath \"spec.nodeName['x']\" does not support subscript",
        "''|'unsupported fieldPath: '"
      })
  void unsupportedPathsStopThePod(String path, String message) {
    Resolution r = resolve(describedPod(fieldRef("V", path)));

    assertThat(r.failure()).contains("env var V of container app: " + message);
    assertThat(env(r, "app")).isEmpty();
  }

  @Test
  void onlyApiVersionV1IsUnderstood() {
    V1EnvVar v1 = fieldRef("OK", "metadata.name");
    v1.getValueFrom().getFieldRef().apiVersion("v1");
    V1EnvVar v2 = fieldRef("BAD", "metadata.name");
    v2.getValueFrom().getFieldRef().apiVersion("v2");

    Resolution r = resolve(pod(container("app", v1, v2)));

    assertThat(env(r, "app")).containsExactly(Map.entry("OK", "web"));
    assertThat(r.failure()).contains("env var BAD of container app: unsupported pod version: v2");
  }
}
