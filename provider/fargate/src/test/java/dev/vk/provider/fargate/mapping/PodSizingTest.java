package dev.vk.provider.fargate.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vk.kubelet.types.ProviderException;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PodSizingTest {

  @ParameterizedTest(name = "apps {0} + init {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''                  | ''          | 0.25vCPU 0.5GB",
        "100m/128Mi          | ''          | 0.25vCPU 0.5GB",
        "250m/512Mi          | ''          | 0.25vCPU 0.5GB",
        "250m/600Mi          | ''          | 0.25vCPU 1GB",
        "250m/3Gi            | ''          | 0.5vCPU 3GB",
        "1/8Gi               | ''          | 1vCPU 8GB",
        "1/9Gi               | ''          | 2vCPU 9GB",
        "500m/1Gi,500m/1Gi   | ''          | 1vCPU 2GB",
        "100m/128Mi          | 2/4Gi       | 2vCPU 4GB",
        "3/1Gi               | ''          | 4vCPU 8GB",
        "4/31Gi              | ''          | 8vCPU 32GB",
        "8/61Gi              | ''          | 16vCPU 64GB",
        "16/120Gi            | ''          | 16vCPU 120GB",
      })
  void roundsUpToTheSmallestFargateSize(String apps, String init, String expected)
      throws Exception {
    assertThat(PodSizing.size(spec(apps, init)).size().capacityProvisioned()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} is refused")
  @CsvSource({"17/8Gi", "16/121Gi", "1/200Gi"})
  void tooLargeIsRefusedNamingRequests(String apps) {
    assertThatThrownBy(() -> PodSizing.size(spec(apps, "")))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID_INPUT))
        .hasMessageStartingWith("spec.containers[*].resources.requests");
  }

  @ParameterizedTest(name = "storage {0} -> {1}")
  @CsvSource({"10Gi, 0", "20Gi, 0", "21Gi, 21", "100Gi, 100", "200Gi, 200"})
  void ephemeralStorageAboveTheIncluded20GiBIsRequested(String storage, int expected)
      throws Exception {
    V1PodSpec spec = spec("250m/512Mi", "");
    spec.getContainers()
        .get(0)
        .getResources()
        .getRequests()
        .put("ephemeral-storage", Quantity.fromString(storage));
    assertThat(PodSizing.size(spec).ephemeralStorageGiB().orElse(0)).isEqualTo(expected);
  }

  @Test
  void moreThan200GiBOfStorageIsRefused() {
    V1PodSpec spec = spec("250m/512Mi", "");
    spec.getContainers()
        .get(0)
        .getResources()
        .getRequests()
        .put("ephemeral-storage", Quantity.fromString("201Gi"));
    assertThatThrownBy(() -> PodSizing.size(spec)).hasMessageContaining("ephemeral-storage");
  }

  @Test
  void limitsCountWhenNoRequestIsSet() throws Exception {
    V1Container c =
        new V1Container()
            .name("a")
            .image("i")
            .resources(
                new V1ResourceRequirements()
                    .limits(
                        Map.of(
                            "cpu",
                            Quantity.fromString("2"),
                            "memory",
                            Quantity.fromString("4Gi"))));
    assertThat(PodSizing.size(new V1PodSpec().containers(List.of(c))).size())
        .isEqualTo(new TaskSize(2048, 4096));
  }

  /** "cpu/memory,cpu/memory" per container. */
  static V1PodSpec spec(String apps, String init) {
    List<V1Container> app =
        apps.isBlank() ? List.of(new V1Container().name("c0").image("i")) : containers(apps);
    return new V1PodSpec().containers(app).initContainers(containers(init));
  }

  private static List<V1Container> containers(String text) {
    List<V1Container> out = new ArrayList<>();
    if (text.isBlank()) {
      return out;
    }
    for (String part : text.split(",")) {
      String[] cm = part.split("/");
      Map<String, Quantity> requests = new HashMap<>();
      requests.put("cpu", Quantity.fromString(cm[0]));
      requests.put("memory", Quantity.fromString(cm[1]));
      out.add(
          new V1Container()
              .name("c" + out.size())
              .image("i")
              .resources(new V1ResourceRequirements().requests(requests)));
    }
    return out;
  }
}
