package dev.vk.provider.fargate.pods;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.KubernetesAccess;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1KeyToPath;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1ServiceAccountTokenProjection;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeProjection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of one configMap, secret, downwardAPI or projected volume, as the kubelet would write
 * them: every key without {@code items}, else each item's key at its path; an absent optional
 * object gives no files. Service account tokens are requested once, for the task being started.
 */
final class VolumeFileReader {
  private static final Logger log = LoggerFactory.getLogger(VolumeFileReader.class);
  private static final long DEFAULT_TOKEN_SECONDS = 3607; // the kubelet's kube-api-access default
  private static final AtomicBoolean NO_TOKEN_LOGGED = new AtomicBoolean();
  private final KubernetesAccess kubernetes;

  VolumeFileReader(KubernetesAccess kubernetes) {
    this.kubernetes = kubernetes;
  }

  Map<String, byte[]> read(V1Pod pod, V1Volume v, String field) throws ProviderException {
    Map<String, byte[]> files = new TreeMap<>();
    if (v.getConfigMap() != null) {
      var c = v.getConfigMap();
      keyed(false, pod, c.getName(), c.getItems(), c.getOptional(), field, files);
    } else if (v.getSecret() != null) {
      var s = v.getSecret();
      keyed(true, pod, s.getSecretName(), s.getItems(), s.getOptional(), field, files);
    } else if (v.getDownwardAPI() != null) {
      DownwardFiles.add(pod, v.getDownwardAPI().getItems(), field, files);
    } else {
      List<V1VolumeProjection> sources = v.getProjected().getSources();
      for (int k = 0; sources != null && k < sources.size(); k++) {
        V1VolumeProjection p = sources.get(k);
        String at = field + ".sources[" + k + "].";
        if (p.getConfigMap() != null) {
          var c = p.getConfigMap();
          keyed(false, pod, c.getName(), c.getItems(), c.getOptional(), at + "configMap", files);
        } else if (p.getSecret() != null) {
          var s = p.getSecret();
          keyed(true, pod, s.getName(), s.getItems(), s.getOptional(), at + "secret", files);
        } else if (p.getDownwardAPI() != null) {
          DownwardFiles.add(pod, p.getDownwardAPI().getItems(), at + "downwardAPI", files);
        } else if (p.getServiceAccountToken() != null) {
          token(pod, p.getServiceAccountToken(), files);
        } else {
          throw ProviderException.invalid(at + "clusterTrustBundle: not supported on Fargate");
        }
      }
    }
    return files;
  }

  /** A ConfigMap's or Secret's keys as files; {@code secret} picks which kind is read. */
  private void keyed(
      boolean secret,
      V1Pod pod,
      String name,
      List<V1KeyToPath> items,
      Boolean optional,
      String field,
      Map<String, byte[]> files)
      throws ProviderException {
    String kind = secret ? "Secret" : "ConfigMap";
    Optional<Map<String, byte[]>> data =
        object(kind, pod, name, optional, field, () -> data(secret, pod, name));
    if (data.isPresent()) {
      place(data.get(), items, optional, field, kind, name, files);
    }
  }

  private Optional<Map<String, byte[]>> data(boolean secret, V1Pod pod, String name)
      throws ProviderException {
    String namespace = pod.getMetadata().getNamespace();
    if (secret) {
      Optional<V1Secret> found = kubernetes.secret(namespace, name);
      return found.map(s -> s.getData() == null ? Map.of() : s.getData());
    }
    Optional<V1ConfigMap> found = kubernetes.configMap(namespace, name);
    return found.map(
        c -> {
          Map<String, byte[]> data = new HashMap<>();
          if (c.getData() != null) {
            c.getData().forEach((k, v) -> data.put(k, v.getBytes(StandardCharsets.UTF_8)));
          }
          if (c.getBinaryData() != null) {
            data.putAll(c.getBinaryData());
          }
          return data;
        });
  }

  /** Every key as a file, or with items each listed key at its path (nested paths allowed). */
  private static void place(
      Map<String, byte[]> data,
      List<V1KeyToPath> items,
      Boolean optional,
      String field,
      String kind,
      String name,
      Map<String, byte[]> files)
      throws ProviderException {
    if (items == null || items.isEmpty()) {
      files.putAll(data);
      return;
    }
    for (int j = 0; j < items.size(); j++) {
      byte[] value = data.get(items.get(j).getKey());
      if (value != null) {
        files.put(items.get(j).getPath(), value);
      } else if (!Boolean.TRUE.equals(optional)) {
        throw new ProviderException(
            ProviderException.Kind.UNAVAILABLE,
            field
                + ".items["
                + j
                + "].key: "
                + kind
                + " \""
                + name
                + "\" has no key \""
                + items.get(j).getKey()
                + "\"");
      }
    }
  }

  private interface Lookup<T> {
    Optional<T> get() throws ProviderException;
  }

  private <T> Optional<T> object(
      String kind, V1Pod pod, String name, Boolean optional, String field, Lookup<T> lookup)
      throws ProviderException {
    boolean mayBeMissing = Boolean.TRUE.equals(optional);
    String ref = kind + " \"" + pod.getMetadata().getNamespace() + "/" + name + "\"";
    if (!kubernetes.available()) {
      if (mayBeMissing) {
        return Optional.empty();
      }
      throw ProviderException.invalid(field + ": cannot read " + ref + ": no Kubernetes API");
    }
    Optional<T> found = lookup.get();
    if (found.isEmpty() && !mayBeMissing) {
      // It may be created later: the node retries the pod.
      throw new ProviderException(
          ProviderException.Kind.UNAVAILABLE, field + ": " + ref + " not found");
    }
    return found;
  }

  private void token(V1Pod pod, V1ServiceAccountTokenProjection p, Map<String, byte[]> files)
      throws ProviderException {
    if (!kubernetes.available()) {
      if (NO_TOKEN_LOGGED.compareAndSet(false, true)) {
        log.info("No Kubernetes API: service account token files are left out of volumes");
      }
      return;
    }
    long seconds =
        p.getExpirationSeconds() == null ? DEFAULT_TOKEN_SECONDS : p.getExpirationSeconds();
    String token =
        kubernetes.serviceAccountToken(pod, p.getAudience(), Duration.ofSeconds(seconds));
    files.put(p.getPath(), token.getBytes(StandardCharsets.UTF_8));
  }
}
