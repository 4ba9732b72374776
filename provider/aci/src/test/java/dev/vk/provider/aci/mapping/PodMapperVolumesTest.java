package dev.vk.provider.aci.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.resourcemanager.containerinstance.fluent.models.ContainerGroupInner;
import com.azure.resourcemanager.containerinstance.models.AzureFileVolume;
import com.azure.resourcemanager.containerinstance.models.Volume;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.kubelet.types.ProviderException.Kind;
import dev.vk.provider.aci.config.AciSettings;
import dev.vk.provider.testkit.Pods;
import io.kubernetes.client.openapi.models.V1AzureFileVolumeSource;
import io.kubernetes.client.openapi.models.V1CSIVolumeSource;
import io.kubernetes.client.openapi.models.V1ConfigMapVolumeSource;
import io.kubernetes.client.openapi.models.V1EmptyDirVolumeSource;
import io.kubernetes.client.openapi.models.V1KeyToPath;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Volumes a pod mounts, as the group ACI runs gets them: Azure File shares (annotation, in-tree,
 * CSI) with the storage account from a Secret, configMap and emptyDir volumes, and the refusals
 * naming the field to fix.
 */
class PodMapperVolumesTest {

  private static final AciSettings.PodDefaults DEFAULTS =
      new AciSettings.PodDefaults(
          "Linux", 1.0, 1.5, 4, 16, List.of(), "annotation", "V100", "cluster-1", "vk-node");
  private static final Map<String, byte[]> STORAGE =
      FixedObjects.data("azurestorageaccountname", "acct1", "azurestorageaccountkey", "a2V5");

  private final PodMapper mapper =
      new PodMapper(
          DEFAULTS,
          "westeurope",
          new FixedObjects(
              Map.of("files", STORAGE, "nokey", FixedObjects.data("azurestorageaccountname", "a")),
              Map.of("conf", FixedObjects.data("app.yaml", "level: debug", "other", "x"))));

  @Test
  void anAnnotatedEmptyDirBecomesTheAzureFileShareNamedThere() throws Exception {
    V1Pod pod = withVolume(new V1Volume().name("data").emptyDir(new V1EmptyDirVolumeSource()));
    pod.getMetadata().putAnnotationsItem("azure.vk.dev/azure-file.data", "files/share1");

    ContainerGroupInner group = mapper.map(pod);

    assertShare(group.volumes().get(0), "data", "share1", false);
    assertThat(group.containers().get(0).volumeMounts())
        .singleElement()
        .satisfies(m -> assertThat(m.name() + " " + m.mountPath()).isEqualTo("data /data"));
  }

  @Test
  void theInTreeAzureFileVolumeKeepsItsShareAndReadOnly() throws Exception {
    V1Pod pod =
        withVolume(
            new V1Volume()
                .name("data")
                .azureFile(
                    new V1AzureFileVolumeSource()
                        .secretName("files")
                        .shareName("share2")
                        .readOnly(true)));

    assertShare(mapper.map(pod).volumes().get(0), "data", "share2", true);
  }

  @Test
  void theAzureFileCsiDriverMapsItsVolumeAttributes() throws Exception {
    V1Pod pod =
        withVolume(
            new V1Volume()
                .name("data")
                .csi(
                    new V1CSIVolumeSource()
                        .driver("file.csi.azure.com")
                        .volumeAttributes(Map.of("shareName", "share3", "secretName", "files"))));

    assertShare(mapper.map(pod).volumes().get(0), "data", "share3", false);
  }

  static Stream<Arguments> azureFileRefusals() {
    return Stream.of(
        refusal(
            "metadata.annotations[azure.vk.dev/azure-file.data]: Secret \"nokey\" needs"
                + " azurestorageaccountname and azurestorageaccountkey",
            p -> p.getMetadata().putAnnotationsItem("azure.vk.dev/azure-file.data", "nokey/s")),
        refusal(
            "metadata.annotations[azure.vk.dev/azure-file.data]: expected <secret>/<share>",
            p -> p.getMetadata().putAnnotationsItem("azure.vk.dev/azure-file.data", "files")),
        refusal(
            "spec.volumes[0].azureFile: Secret \"nokey\" needs azurestorageaccountname and"
                + " azurestorageaccountkey",
            p -> volume(p).emptyDir(null).azureFile(inTree("nokey"))),
        refusal(
            "spec.volumes[0].csi.driver: only file.csi.azure.com maps to ACI (Azure File)",
            p -> volume(p).emptyDir(null).csi(csi("disk.csi.azure.com", "share", "files"))),
        refusal(
            "spec.volumes[0].csi.volumeAttributes[shareName]: required for ACI (Azure File)",
            p -> volume(p).emptyDir(null).csi(csi("file.csi.azure.com", null, "files"))),
        refusal(
            "spec.volumes[0].csi.volumeAttributes[secretName]: required for ACI (Azure File)",
            p -> volume(p).emptyDir(null).csi(csi("file.csi.azure.com", "share", null))),
        refusal(
            "spec.volumes[0].csi: Secret \"nokey\" needs azurestorageaccountname and"
                + " azurestorageaccountkey",
            p -> volume(p).emptyDir(null).csi(csi("file.csi.azure.com", "share", "nokey"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("azureFileRefusals")
  void azureFileVolumesACannotMountAreRefusedNamingTheField(String message, Consumer<V1Pod> edit) {
    V1Pod pod = withVolume(new V1Volume().name("data").emptyDir(new V1EmptyDirVolumeSource()));
    edit.accept(pod);

    assertThatThrownBy(() -> mapper.map(pod))
        .isInstanceOfSatisfying(
            ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT))
        .hasMessage(message);
  }

  @Test
  void aMissingAzureFileSecretIsUnavailableUntilItIsCreated() {
    V1Pod pod = withVolume(new V1Volume().name("data").azureFile(inTree("later")));

    assertThatThrownBy(() -> mapper.map(pod))
        .isInstanceOfSatisfying(
            ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE))
        .hasMessage("spec.volumes[0].azureFile: Secret \"team/later\" not found");
  }

  @Test
  void aConfigMapVolumeWritesTheChosenItemsUnderTheirNewNames() throws Exception {
    V1Pod pod =
        withVolume(
            new V1Volume()
                .name("data")
                .configMap(
                    new V1ConfigMapVolumeSource()
                        .name("conf")
                        .addItemsItem(
                            new V1KeyToPath().key("app.yaml").path("cfg/settings.yaml"))));

    Volume v = mapper.map(pod).volumes().get(0);

    assertThat(v.name()).isEqualTo("data");
    assertThat(v.secret()).containsOnlyKeys("settings.yaml");
    assertThat(decode(v.secret().get("settings.yaml"))).isEqualTo("level: debug");
  }

  @Test
  void aConfigMapVolumeWithoutItemsWritesEveryKey() throws Exception {
    V1Pod pod =
        withVolume(
            new V1Volume().name("data").configMap(new V1ConfigMapVolumeSource().name("conf")));

    assertThat(mapper.map(pod).volumes().get(0).secret()).containsOnlyKeys("app.yaml", "other");
  }

  @Test
  void aMissingOptionalConfigMapIsLeftOutWithItsMount() throws Exception {
    V1Pod pod =
        withVolume(
            new V1Volume()
                .name("data")
                .configMap(new V1ConfigMapVolumeSource().name("absent").optional(true)));

    ContainerGroupInner group = mapper.map(pod);

    assertThat(group.volumes()).isNull();
    assertThat(group.containers().get(0).volumeMounts()).isNullOrEmpty();
  }

  @Test
  void aMissingMandatoryConfigMapIsUnavailableNamingTheField() {
    V1Pod pod =
        withVolume(
            new V1Volume().name("data").configMap(new V1ConfigMapVolumeSource().name("absent")));

    assertThatThrownBy(() -> mapper.map(pod))
        .isInstanceOfSatisfying(
            ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE))
        .hasMessage("spec.volumes[0].configMap: ConfigMap \"team/absent\" not found");
  }

  @Test
  void anEmptyDirIsAnAciEmptyDirMountedWhereThePodSays() throws Exception {
    ContainerGroupInner group =
        mapper.map(withVolume(new V1Volume().name("data").emptyDir(new V1EmptyDirVolumeSource())));

    assertThat(group.volumes().get(0).emptyDir()).isNotNull();
    assertThat(group.volumes().get(0).azureFile()).isNull();
    assertThat(group.containers().get(0).volumeMounts().get(0).mountPath()).isEqualTo("/data");
  }

  private static void assertShare(Volume v, String name, String share, boolean readOnly) {
    AzureFileVolume file = v.azureFile();
    assertThat(v.name()).isEqualTo(name);
    assertThat(v.emptyDir()).isNull();
    assertThat(file.shareName()).isEqualTo(share);
    assertThat(file.storageAccountName()).isEqualTo("acct1");
    assertThat(file.storageAccountKey()).isEqualTo("a2V5");
    assertThat(file.readOnly()).isEqualTo(readOnly);
  }

  /** Pod team/web whose app mounts the volume at /data. */
  private static V1Pod withVolume(V1Volume volume) {
    V1Pod pod = Pods.pod("team", "web");
    pod.getSpec().addVolumesItem(volume);
    pod.getSpec()
        .getContainers()
        .get(0)
        .addVolumeMountsItem(new V1VolumeMount().name(volume.getName()).mountPath("/data"));
    return pod;
  }

  private static V1Volume volume(V1Pod pod) {
    return pod.getSpec().getVolumes().get(0);
  }

  private static V1AzureFileVolumeSource inTree(String secret) {
    return new V1AzureFileVolumeSource().secretName(secret).shareName("share");
  }

  private static V1CSIVolumeSource csi(String driver, String share, String secret) {
    V1CSIVolumeSource csi = new V1CSIVolumeSource().driver(driver);
    if (share != null) {
      csi.putVolumeAttributesItem("shareName", share);
    }
    if (secret != null) {
      csi.putVolumeAttributesItem("secretName", secret);
    }
    return csi;
  }

  private static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }

  private static Arguments refusal(String message, Consumer<V1Pod> edit) {
    return Arguments.of(message, edit);
  }
}
