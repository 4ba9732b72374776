package dev.vk.podenv;

import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A stateful in-memory {@link ObjectLookup} for tests: put objects in, make reads fail, count
 * reads. Objects without a namespace go to "default". Thread-safe. Returned objects are the stored
 * instances, which callers must not modify.
 */
public final class InMemoryObjectLookup implements ObjectLookup {

  private static final String CONFIG_MAP = "configmap ";
  private static final String SECRET = "secret ";
  private static final String SERVICES = "services ";

  private final Map<String, V1ConfigMap> configMaps = new HashMap<>();
  private final Map<String, V1Secret> secrets = new HashMap<>();
  private final Map<String, V1Service> services = new LinkedHashMap<>();
  private final Map<String, String> failures = new HashMap<>();
  private final Map<String, Integer> lookups = new HashMap<>();

  public synchronized InMemoryObjectLookup put(V1ConfigMap configMap) {
    configMaps.put(key(configMap.getMetadata()), configMap);
    return this;
  }

  /** Stores the Secret with {@code stringData} merged into {@code data}, as the API server does. */
  public synchronized InMemoryObjectLookup put(V1Secret secret) {
    V1Secret stored = secret;
    if (secret.getStringData() != null && !secret.getStringData().isEmpty()) {
      stored = copy(secret);
      Map<String, byte[]> data = new LinkedHashMap<>();
      if (stored.getData() != null) {
        data.putAll(stored.getData());
      }
      stored.getStringData().forEach((k, v) -> data.put(k, v.getBytes(StandardCharsets.UTF_8)));
      stored.data(data).stringData(null);
    }
    secrets.put(key(secret.getMetadata()), stored);
    return this;
  }

  public synchronized InMemoryObjectLookup put(V1Service service) {
    services.put(key(service.getMetadata()), service);
    return this;
  }

  public synchronized void deleteConfigMap(String namespace, String name) {
    configMaps.remove(namespace + "/" + name);
  }

  public synchronized void deleteSecret(String namespace, String name) {
    secrets.remove(namespace + "/" + name);
  }

  public synchronized void deleteService(String namespace, String name) {
    services.remove(namespace + "/" + name);
  }

  /** Makes reads of this ConfigMap throw {@link LookupException} until {@link #clearFailures}. */
  public synchronized void failConfigMap(String namespace, String name, String message) {
    failures.put(CONFIG_MAP + namespace + "/" + name, message);
  }

  /** Makes reads of this Secret throw {@link LookupException} until {@link #clearFailures}. */
  public synchronized void failSecret(String namespace, String name, String message) {
    failures.put(SECRET + namespace + "/" + name, message);
  }

  /** Makes listing this namespace's Services throw until {@link #clearFailures}. */
  public synchronized void failServices(String namespace, String message) {
    failures.put(SERVICES + namespace, message);
  }

  public synchronized void clearFailures() {
    failures.clear();
  }

  public synchronized int configMapLookups(String namespace, String name) {
    return lookups.getOrDefault(CONFIG_MAP + namespace + "/" + name, 0);
  }

  public synchronized int secretLookups(String namespace, String name) {
    return lookups.getOrDefault(SECRET + namespace + "/" + name, 0);
  }

  public synchronized int serviceLookups(String namespace) {
    return lookups.getOrDefault(SERVICES + namespace, 0);
  }

  public synchronized int totalLookups() {
    return lookups.values().stream().mapToInt(Integer::intValue).sum();
  }

  @Override
  public synchronized Optional<V1ConfigMap> configMap(String namespace, String name)
      throws LookupException {
    record(CONFIG_MAP + namespace + "/" + name);
    return Optional.ofNullable(configMaps.get(namespace + "/" + name));
  }

  @Override
  public synchronized Optional<V1Secret> secret(String namespace, String name)
      throws LookupException {
    record(SECRET + namespace + "/" + name);
    return Optional.ofNullable(secrets.get(namespace + "/" + name));
  }

  @Override
  public synchronized List<V1Service> services(String namespace) throws LookupException {
    record(SERVICES + namespace);
    return services.entrySet().stream()
        .filter(e -> e.getKey().startsWith(namespace + "/"))
        .map(Map.Entry::getValue)
        .toList();
  }

  private void record(String what) throws LookupException {
    lookups.merge(what, 1, Integer::sum);
    String failure = failures.get(what);
    if (failure != null) {
      throw new LookupException(failure);
    }
  }

  private static String key(V1ObjectMeta meta) {
    Objects.requireNonNull(meta, "metadata");
    String namespace = meta.getNamespace() == null ? "default" : meta.getNamespace();
    return namespace + "/" + Objects.requireNonNull(meta.getName(), "metadata.name");
  }

  private static V1Secret copy(V1Secret secret) {
    try {
      return V1Secret.fromJson(secret.toJson());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
