package dev.vk.provider.aci.mapping;

import dev.vk.kubelet.types.ProviderException;
import io.kubernetes.client.openapi.models.V1DownwardAPIVolumeFile;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1ProjectedVolumeSource;
import io.kubernetes.client.openapi.models.V1VolumeProjection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of a projected volume, best effort (see {@link VolumeMapper}): the service account
 * token (requested bound to the pod, as a kubelet does), downward API pod identity fields,
 * ConfigMap and Secret items when they can be read.
 *
 * <p>ACI secret volumes cannot change after creation, so the token is not rotated: it is requested
 * with the projection's lifetime, which the API server extends to a year for the default {@code
 * kube-api-access} volume (its {@code --service-account-extend-token-expiration}, on by default).
 */
final class ProjectedFiles {

  private static final Logger logger = LoggerFactory.getLogger(ProjectedFiles.class);

  /** Kubernetes' default for a projected token without expirationSeconds: one hour. */
  private static final long DEFAULT_SECONDS = 3600;

  private ProjectedFiles() {}

  static Map<String, String> of(
      String field, V1ProjectedVolumeSource projected, V1Pod pod, ObjectData objects)
      throws ProviderException {
    Map<String, String> files = new LinkedHashMap<>();
    List<V1VolumeProjection> sources =
        projected.getSources() == null ? List.of() : projected.getSources();
    for (int i = 0; i < sources.size(); i++) {
      V1VolumeProjection source = sources.get(i);
      String at = field + ".projected.sources[" + i + "]";
      if (source.getServiceAccountToken() != null) {
        var t = source.getServiceAccountToken();
        long seconds =
            t.getExpirationSeconds() == null ? DEFAULT_SECONDS : t.getExpirationSeconds();
        Optional<String> token = objects.token(pod, t.getAudience(), Duration.ofSeconds(seconds));
        if (token.isPresent()) {
          files.put(t.getPath(), base64(token.get()));
        } else {
          logger.info("{}: no Kubernetes API to request a token from; the file is left out", at);
        }
      } else if (source.getDownwardAPI() != null && source.getDownwardAPI().getItems() != null) {
        for (V1DownwardAPIVolumeFile item : source.getDownwardAPI().getItems()) {
          String value = downward(pod.getMetadata(), item);
          if (value != null) {
            files.put(item.getPath(), base64(value));
          }
        }
      } else if (source.getConfigMap() != null && objects.available()) {
        var c = source.getConfigMap();
        objects
            .read(at + ".configMap", false, c.getName(), true)
            .ifPresent(d -> files.putAll(VolumeMapper.files(d, c.getItems())));
      } else if (source.getSecret() != null && objects.available()) {
        var s = source.getSecret();
        objects
            .read(at + ".secret", true, s.getName(), true)
            .ifPresent(d -> files.putAll(VolumeMapper.files(d, s.getItems())));
      }
    }
    return files;
  }

  private static String downward(V1ObjectMeta meta, V1DownwardAPIVolumeFile item) {
    if (item.getFieldRef() == null) {
      return null;
    }
    return switch (item.getFieldRef().getFieldPath()) {
      case "metadata.namespace" -> meta.getNamespace();
      case "metadata.name" -> meta.getName();
      case "metadata.uid" -> meta.getUid();
      default -> null;
    };
  }

  private static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }
}
