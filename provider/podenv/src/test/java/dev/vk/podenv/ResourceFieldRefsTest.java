package dev.vk.podenv;

import static dev.vk.podenv.Fixtures.RUNTIME;
import static dev.vk.podenv.Fixtures.container;
import static dev.vk.podenv.Fixtures.env;
import static dev.vk.podenv.Fixtures.pod;
import static dev.vk.podenv.Fixtures.resourceRef;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1ResourceFieldSelector;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** resourceFieldRef: divisors round up like the kubelet; unset limits read node allocatable. */
class ResourceFieldRefsTest {

  private final EnvironmentResolver resolver = new EnvironmentResolver(new InMemoryObjectLookup());

  private static V1ResourceFieldSelector selector(String resource, String divisor) {
    V1ResourceFieldSelector s = new V1ResourceFieldSelector().resource(resource);
    return divisor == null ? s : s.divisor(new Quantity(divisor));
  }

  private static V1ResourceRequirements resources() {
    return new V1ResourceRequirements()
        .requests(
            Map.of(
                "cpu", new Quantity("250m"),
                "memory", new Quantity("64Mi"),
                "ephemeral-storage", new Quantity("1Gi"),
                "hugepages-2Mi", new Quantity("4Mi")))
        .limits(
            Map.of(
                "cpu", new Quantity("1500m"),
                "memory", new Quantity("1G"),
                "hugepages-2Mi", new Quantity("4Mi")));
  }

  private String resolveOne(V1Pod pod) {
    Resolution r = resolver.resolve(pod, RUNTIME);
    assertThat(r.failure()).isEmpty();
    return env(r, "app").get("V");
  }

  @ParameterizedTest(name = "{0} / {1} = {2}")
  @CsvSource(
      nullValues = "none",
      value = {
        "limits.cpu, none, 2",
        "limits.cpu, 1, 2",
        "limits.cpu, 1m, 1500",
        "limits.cpu, 0, 2",
        "limits.cpu, 400m, 4",
        "requests.cpu, none, 1",
        "requests.cpu, 1m, 250",
        "requests.cpu, 100m, 3",
        "limits.memory, none, 1000000000",
        "limits.memory, 1Mi, 954",
        "limits.memory, 1M, 1000",
        "limits.memory, 1Gi, 1",
        "requests.memory, 1Mi, 64",
        "requests.memory, 1Ki, 65536",
        "requests.memory, 1G, 1",
        "requests.ephemeral-storage, 1Mi, 1024",
        "limits.ephemeral-storage, 1Gi, 100",
        "requests.hugepages-2Mi, 1Mi, 4",
        "limits.hugepages-2Mi, none, 4194304",
        "limits.hugepages-1Gi, none, 0",
        "requests.hugepages-1Gi, none, 0"
      })
  void computesTheValueOfTheOwnContainer(String resource, String divisor, String expected) {
    V1Container c = container("app", resourceRef("V", selector(resource, divisor)));
    c.resources(resources());

    assertThat(resolveOne(pod(c))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} / {1} = {2}")
  @CsvSource(
      nullValues = "none",
      value = {
        "limits.cpu, none, 4",
        "limits.cpu, 1m, 4000",
        "limits.memory, 1Gi, 8",
        "limits.ephemeral-storage, 1Gi, 100",
        "requests.cpu, none, 0",
        "requests.memory, none, 0"
      })
  void unsetLimitsFallBackToNodeAllocatable(String resource, String divisor, String expected) {
    V1Container c = container("app", resourceRef("V", selector(resource, divisor)));

    assertThat(resolveOne(pod(c))).isEqualTo(expected);
  }

  @Test
  void zeroLimitCountsAsUnset() {
    V1Container c = container("app", resourceRef("V", selector("limits.cpu", null)));
    c.resources(new V1ResourceRequirements().limits(Map.of("cpu", new Quantity("0"))));

    assertThat(resolveOne(pod(c))).isEqualTo("4");
  }

  @Test
  void podLevelLimitsComeBeforeNodeAllocatable() {
    V1Container c =
        container(
            "app",
            resourceRef("V", selector("limits.memory", "1Mi")),
            resourceRef("CPU", selector("limits.cpu", "1m")));
    V1Pod pod = pod(c);
    pod.getSpec()
        .resources(new V1ResourceRequirements().limits(Map.of("memory", new Quantity("512Mi"))));

    Resolution r = resolver.resolve(pod, RUNTIME);

    assertThat(env(r, "app")).containsEntry("V", "512").containsEntry("CPU", "4000");
  }

  @Test
  void withoutAllocatableAnUnsetLimitReadsZero() {
    V1Container c = container("app", resourceRef("V", selector("limits.cpu", null)));

    Resolution r = resolver.resolve(pod(c), new PodRuntime("vk-node", null, null, null));

    assertThat(env(r, "app")).containsExactly(Map.entry("V", "0"));
  }

  @Test
  void containerNameSelectsAnotherRegularOrInitContainer() {
    V1Container app =
        container(
            "app",
            resourceRef("SIDE", selector("requests.memory", "1Mi").containerName("sidecar")),
            resourceRef("INIT", selector("limits.cpu", "1m").containerName("setup")),
            resourceRef("SIDE_LIMIT", selector("limits.cpu", null).containerName("sidecar")));
    V1Container sidecar = container("sidecar");
    sidecar.resources(
        new V1ResourceRequirements().requests(Map.of("memory", new Quantity("32Mi"))));
    V1Pod pod = pod(app, sidecar);
    V1Container setup = container("setup");
    setup.resources(new V1ResourceRequirements().limits(Map.of("cpu", new Quantity("300m"))));
    pod.getSpec().initContainers(List.of(setup));

    Resolution r = resolver.resolve(pod, RUNTIME);

    assertThat(env(r, "app"))
        .containsExactly(
            Map.entry("SIDE", "32"), Map.entry("INIT", "300"), Map.entry("SIDE_LIMIT", "4"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "limits.gpu|unsupported container resource: limits.gpu",
        "requests.nvidia.com/gpu|unsupported container resource: requests.nvidia.com/gpu",
        "cpu|unsupported container resource: cpu",
        "usage.cpu|unsupported container resource: usage.cpu"
      })
  void unsupportedResourcesStopThePod(String resource, String message) {
    V1Container c = container("app", resourceRef("V", selector(resource, null)));

    Resolution r = resolver.resolve(pod(c), RUNTIME);

    assertThat(r.failure()).contains("env var V of container app: " + message);
  }

  @Test
  void unknownContainerNameStopsThePod() {
    V1Container c =
        container("app", resourceRef("V", selector("limits.cpu", null).containerName("ghost")));

    Resolution r = resolver.resolve(pod(c), RUNTIME);

    assertThat(r.failure()).contains("env var V of container app: container ghost not found");
  }

  @Test
  void hugeValuesSaturateAtTheInt64Maximum() {
    V1Container c = container("app", resourceRef("V", selector("limits.memory", "1m")));
    c.resources(new V1ResourceRequirements().limits(Map.of("memory", new Quantity("9E"))));

    assertThat(resolveOne(pod(c))).isEqualTo(String.valueOf(Long.MAX_VALUE));
  }
}
