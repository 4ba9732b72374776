package dev.vk.provider.testkit;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.KubernetesAccess;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * An in-memory Kubernetes for the provider: ConfigMaps and Secrets put by the test, and tokens
 * {@code token-<pod>-<audience>-<seconds>} whose requests are recorded.
 */
public final class TestingKubernetesAccess implements KubernetesAccess {
  private final Map<String, V1ConfigMap> configMaps = new ConcurrentHashMap<>();
  private final Map<String, V1Secret> secrets = new ConcurrentHashMap<>();

  /** Every event recorded, as {@code pod type reason: message}. */
  public final List<String> events = new CopyOnWriteArrayList<>();

  /** Every token request, as {@code pod audience seconds}. */
  public final List<String> tokenRequests = new CopyOnWriteArrayList<>();

  private volatile Supplier<String> clusterUid = () -> null;

  /** Answers {@link #clusterUid()} from {@code uid}, called on each read (it may block). */
  public TestingKubernetesAccess clusterUid(Supplier<String> uid) {
    this.clusterUid = uid;
    return this;
  }

  public TestingKubernetesAccess configMap(
      String namespace, String name, Map<String, String> data) {
    configMaps.put(
        namespace + "/" + name,
        new V1ConfigMap().metadata(new V1ObjectMeta().namespace(namespace).name(name)).data(data));
    return this;
  }

  public TestingKubernetesAccess secret(String namespace, String name, Map<String, byte[]> data) {
    secrets.put(
        namespace + "/" + name,
        new V1Secret().metadata(new V1ObjectMeta().namespace(namespace).name(name)).data(data));
    return this;
  }

  /** The token this fake issues. */
  public static String token(V1Pod pod, String audience, Duration lifetime) {
    return "token-" + pod.getMetadata().getName() + "-" + audience + "-" + lifetime.toSeconds();
  }

  @Override
  public Optional<V1Secret> secret(String namespace, String name) {
    return Optional.ofNullable(secrets.get(namespace + "/" + name));
  }

  @Override
  public Optional<V1ConfigMap> configMap(String namespace, String name) {
    return Optional.ofNullable(configMaps.get(namespace + "/" + name));
  }

  @Override
  public Optional<V1ServiceAccount> serviceAccount(String namespace, String name) {
    return Optional.empty();
  }

  @Override
  public String serviceAccountToken(V1Pod pod, String audience, Duration lifetime)
      throws ProviderException {
    tokenRequests.add(pod.getMetadata().getName() + " " + audience + " " + lifetime.toSeconds());
    return token(pod, audience, lifetime);
  }

  @Override
  public Optional<String> clusterUid() {
    return Optional.ofNullable(clusterUid.get());
  }

  @Override
  public void annotate(V1Pod pod, Map<String, String> annotations) {}

  @Override
  public void event(V1Pod pod, String type, String reason, String message) {
    events.add(pod.getMetadata().getName() + " " + type + " " + reason + ": " + message);
  }
}
