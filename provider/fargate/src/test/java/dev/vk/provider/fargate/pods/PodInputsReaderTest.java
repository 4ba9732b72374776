package dev.vk.provider.fargate.pods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.KubernetesAccess;
import dev.vk.provider.fargate.VolumePods;
import dev.vk.provider.testkit.TestingKubernetesAccess;
import io.kubernetes.client.openapi.models.V1ConfigMapVolumeSource;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1DownwardAPIVolumeFile;
import io.kubernetes.client.openapi.models.V1DownwardAPIVolumeSource;
import io.kubernetes.client.openapi.models.V1ObjectFieldSelector;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1Volume;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PodInputsReaderTest {
  private final TestingKubernetesAccess kube =
      new TestingKubernetesAccess()
          .configMap("ns", "app-config", Map.of("a.conf", "A", "b.conf", "B"))
          .configMap("ns", "kube-root-ca.crt", Map.of("ca.crt", "CA"))
          .secret("ns", "db", Map.of("password", bytes("s3cret"), "user", bytes("admin")));

  @Test
  void readsKeysItemsAndTheServiceAccountVolumeAsTheKubeletWrites() throws Exception {
    V1Pod pod = pod();
    VolumePods.addVolumes(pod.getSpec());

    Map<String, Map<String, String>> files =
        text(new PodInputsReader(kube).read(pod).volumeFiles());

    assertThat(files.get("cfg")).isEqualTo(Map.of("a.conf", "A", "b.conf", "B"));
    assertThat(files.get("creds")).isEqualTo(Map.of("db/password", "s3cret"));
    assertThat(files.get("kube-api-access-x"))
        .isEqualTo(Map.of("token", "token-web-1-null-3607", "ca.crt", "CA", "namespace", "ns"));
    assertThat(kube.tokenRequests).containsExactly("web-1 null 3607");
  }

  @Test
  void downwardApiFormatsMapsLikeTheKubelet() throws Exception {
    V1Pod pod = pod();
    pod.getMetadata().labels(Map.of("b", "2", "a", "say \"hi\""));
    pod.getSpec()
        .volumes(
            List.of(
                new V1Volume()
                    .name("info")
                    .downwardAPI(
                        new V1DownwardAPIVolumeSource()
                            .items(
                                new ArrayList<>(
                                    List.of(
                                        item("labels", "metadata.labels"),
                                        item("name", "metadata.name"),
                                        item("uid", "metadata.uid"),
                                        item("app", "metadata.labels['b']")))))));

    assertThat(text(new PodInputsReader(kube).read(pod).volumeFiles()).get("info"))
        .isEqualTo(
            Map.of(
                "labels",
                "a=\"say \\\"hi\\\"\"\nb=\"2\"",
                "name",
                "web-1",
                "uid",
                "u-1",
                "app",
                "2"));

    pod.getSpec().getVolumes().get(0).getDownwardAPI().addItemsItem(item("ip", "status.podIP"));
    assertThatThrownBy(() -> new PodInputsReader(kube).read(pod))
        .isInstanceOf(ProviderException.class)
        .hasMessageStartingWith("spec.volumes[0].downwardAPI.items[4].fieldRef.fieldPath: ");
  }

  @Test
  void missingMandatoryConfigMapIsUnavailableAndOptionalIsEmpty() throws Exception {
    V1Pod pod = pod();
    V1ConfigMapVolumeSource source = new V1ConfigMapVolumeSource().name("later");
    pod.getSpec().volumes(List.of(new V1Volume().name("cfg").configMap(source)));

    assertThatThrownBy(() -> new PodInputsReader(kube).read(pod))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE))
        .hasMessage("spec.volumes[0].configMap: ConfigMap \"ns/later\" not found");

    source.optional(true);
    assertThat(new PodInputsReader(kube).read(pod).volumeFiles())
        .isEqualTo(Map.of("cfg", Map.of()));
  }

  @Test
  void withoutKubernetesOptionalIsEmptyMandatoryRefusedAndTokensLeftOut() throws Exception {
    V1Pod pod = pod();
    pod.getSpec()
        .volumes(
            List.of(
                new V1Volume()
                    .name("cfg")
                    .configMap(new V1ConfigMapVolumeSource().name("x").optional(true))));
    PodInputsReader none = new PodInputsReader(KubernetesAccess.NONE);
    assertThat(none.read(pod).volumeFiles()).isEqualTo(Map.of("cfg", Map.of()));

    V1Pod projected = pod();
    projected.getSpec().volumes(List.of(VolumePods.kubeApiAccess()));
    assertThatThrownBy(() -> none.read(projected))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID_INPUT))
        .hasMessageStartingWith("spec.volumes[0].projected.sources[1].configMap: ");
    projected.getSpec().getVolumes().get(0).getProjected().getSources().remove(1);
    assertThat(text(none.read(projected).volumeFiles()).get("kube-api-access-x"))
        .isEqualTo(Map.of("namespace", "ns"));
  }

  private static V1DownwardAPIVolumeFile item(String path, String field) {
    return new V1DownwardAPIVolumeFile()
        .path(path)
        .fieldRef(new V1ObjectFieldSelector().fieldPath(field));
  }

  private static V1Pod pod() {
    return new V1Pod()
        .metadata(new V1ObjectMeta().namespace("ns").name("web-1").uid("u-1"))
        .spec(new V1PodSpec().containers(List.of(new V1Container().name("app").image("busybox"))));
  }

  private static Map<String, Map<String, String>> text(Map<String, Map<String, byte[]>> files) {
    Map<String, Map<String, String>> out = new TreeMap<>();
    files.forEach(
        (volume, content) -> {
          Map<String, String> decoded = new TreeMap<>();
          content.forEach((p, b) -> decoded.put(p, new String(b, StandardCharsets.UTF_8)));
          out.put(volume, decoded);
        });
    return out;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
