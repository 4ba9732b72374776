package dev.vk.provider.aci.mapping;

import com.azure.resourcemanager.containerinstance.models.AzureFileVolume;
import com.azure.resourcemanager.containerinstance.models.GitRepoVolume;
import com.azure.resourcemanager.containerinstance.models.Volume;
import dev.vk.kubelet.types.ProviderException;
import io.kubernetes.client.openapi.models.V1CSIVolumeSource;
import io.kubernetes.client.openapi.models.V1KeyToPath;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Volume;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pod volumes to ACI volumes: emptyDir, gitRepo, secret and configMap (as ACI secret volumes),
 * projected (best effort, see below), Azure File (in-tree, CSI {@code file.csi.azure.com}, or an
 * emptyDir turned into a share by annotation). Anything else is refused naming the volume's field.
 *
 * <p>Projected volumes are mapped best effort because every pod gets one ({@code
 * kube-api-access-*}): the service account token, downward API names and readable ConfigMap/Secret
 * items are written, and a projected volume left empty is dropped together with its mounts. ACI has
 * no secret volumes on Windows, so there projected volumes are dropped too (and secret or configMap
 * volumes refused).
 */
final class VolumeMapper {

  /** Annotation prefix: {@code azure.vk.dev/azure-file.<volume>: <secret>/<share>}. */
  static final String AZURE_FILE_ANNOTATION = "azure.vk.dev/azure-file.";

  static final int MAX_VOLUMES = 20;

  /** The group's volumes and their names, for the container mounts. */
  record Mapped(List<Volume> volumes, Set<String> names) {}

  private VolumeMapper() {}

  static Mapped map(V1Pod pod, ObjectData objects, boolean windows) throws ProviderException {
    List<V1Volume> volumes =
        pod.getSpec().getVolumes() == null ? List.of() : pod.getSpec().getVolumes();
    if (volumes.size() > MAX_VOLUMES) {
      throw Rejection.of("spec.volumes", "ACI allows at most " + MAX_VOLUMES + " volumes");
    }
    List<Volume> out = new ArrayList<>();
    for (int i = 0; i < volumes.size(); i++) {
      Optional<Volume> v = volume("spec.volumes[" + i + "]", volumes.get(i), pod, objects);
      if (v.isPresent() && windows && v.get().secret() != null) {
        if (volumes.get(i).getProjected() != null) {
          continue; // best effort, like an empty projection: every pod has kube-api-access-*
        }
        throw Rejection.of("spec.volumes[" + i + "]", "ACI has no secret volumes on Windows");
      }
      v.ifPresent(out::add);
    }
    Set<String> names = new LinkedHashSet<>();
    out.forEach(v -> names.add(v.name()));
    return new Mapped(out.isEmpty() ? null : out, names);
  }

  private static Optional<Volume> volume(String field, V1Volume v, V1Pod pod, ObjectData objects)
      throws ProviderException {
    Volume out = new Volume().withName(v.getName());
    Map<String, String> annotations = pod.getMetadata().getAnnotations();
    String share =
        annotations == null ? null : annotations.get(AZURE_FILE_ANNOTATION + v.getName());
    if (share != null && v.getEmptyDir() != null) {
      String annotation = "metadata.annotations[" + AZURE_FILE_ANNOTATION + v.getName() + "]";
      String[] parts = share.split("/", 2);
      if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
        throw Rejection.of(annotation, "expected <secret>/<share>");
      }
      return Optional.of(
          out.withAzureFile(azureFile(annotation, parts[0], parts[1], false, objects)));
    }
    if (v.getEmptyDir() != null) {
      return Optional.of(out.withEmptyDir(Map.of()));
    }
    if (v.getGitRepo() != null) {
      return Optional.of(
          out.withGitRepo(
              new GitRepoVolume()
                  .withRepository(v.getGitRepo().getRepository())
                  .withDirectory(v.getGitRepo().getDirectory())
                  .withRevision(v.getGitRepo().getRevision())));
    }
    if (v.getSecret() != null) {
      var s = v.getSecret();
      return objects
          .read(field + ".secret", true, s.getSecretName(), s.getOptional())
          .map(data -> out.withSecret(files(data, s.getItems())));
    }
    if (v.getConfigMap() != null) {
      var c = v.getConfigMap();
      return objects
          .read(field + ".configMap", false, c.getName(), c.getOptional())
          .map(data -> out.withSecret(files(data, c.getItems())));
    }
    if (v.getProjected() != null) {
      Map<String, String> files = ProjectedFiles.of(field, v.getProjected(), pod, objects);
      return files.isEmpty() ? Optional.empty() : Optional.of(out.withSecret(files));
    }
    if (v.getAzureFile() != null) {
      var a = v.getAzureFile();
      return Optional.of(
          out.withAzureFile(
              azureFile(
                  field + ".azureFile",
                  a.getSecretName(),
                  a.getShareName(),
                  Boolean.TRUE.equals(a.getReadOnly()),
                  objects)));
    }
    if (v.getCsi() != null) {
      return Optional.of(out.withAzureFile(csi(field + ".csi", v.getCsi(), objects)));
    }
    if (v.getHostPath() != null) {
      throw Rejection.of(field + ".hostPath", "ACI has no host paths");
    }
    if (v.getPersistentVolumeClaim() != null) {
      throw Rejection.of(field + ".persistentVolumeClaim", "ACI cannot mount PersistentVolumes");
    }
    throw Rejection.of(field, "volume \"" + v.getName() + "\" is of a type ACI cannot mount");
  }

  private static AzureFileVolume csi(String field, V1CSIVolumeSource csi, ObjectData objects)
      throws ProviderException {
    if (!"file.csi.azure.com".equals(csi.getDriver())) {
      throw Rejection.of(field + ".driver", "only file.csi.azure.com maps to ACI (Azure File)");
    }
    Map<String, String> attrs =
        csi.getVolumeAttributes() == null ? Map.of() : csi.getVolumeAttributes();
    String share = attrs.get("shareName");
    String secret = attrs.get("secretName");
    if (share == null || share.isEmpty()) {
      throw Rejection.of(field + ".volumeAttributes[shareName]", "required for ACI (Azure File)");
    }
    if (secret == null || secret.isEmpty()) {
      throw Rejection.of(field + ".volumeAttributes[secretName]", "required for ACI (Azure File)");
    }
    return azureFile(field, secret, share, Boolean.TRUE.equals(csi.getReadOnly()), objects);
  }

  /** An Azure File share whose account name and key are in a Secret, as the in-tree driver has. */
  private static AzureFileVolume azureFile(
      String field, String secret, String share, boolean readOnly, ObjectData objects)
      throws ProviderException {
    Map<String, byte[]> data = objects.read(field, true, secret, false).orElseThrow();
    byte[] account = data.get("azurestorageaccountname");
    byte[] key = data.get("azurestorageaccountkey");
    if (account == null || key == null) {
      throw Rejection.of(
          field,
          "Secret \"" + secret + "\" needs azurestorageaccountname and azurestorageaccountkey");
    }
    return new AzureFileVolume()
        .withShareName(share)
        .withReadOnly(readOnly)
        .withStorageAccountName(new String(account, StandardCharsets.UTF_8))
        .withStorageAccountKey(new String(key, StandardCharsets.UTF_8));
  }

  /** ACI secret volume content: file name to base64. Items pick keys and rename them. */
  static Map<String, String> files(Map<String, byte[]> data, List<V1KeyToPath> items) {
    Map<String, String> files = new LinkedHashMap<>();
    if (items == null || items.isEmpty()) {
      data.forEach((k, v) -> files.put(k, Base64.getEncoder().encodeToString(v)));
      return files;
    }
    for (V1KeyToPath item : items) {
      byte[] value = data.get(item.getKey());
      if (value != null) {
        // ACI secret volumes are flat: a nested path keeps only its file name.
        String path = item.getPath().substring(item.getPath().lastIndexOf('/') + 1);
        files.put(path, Base64.getEncoder().encodeToString(value));
      }
    }
    return files;
  }
}
