package dev.vk.provider.aci.mapping;

import io.kubernetes.client.openapi.models.V1Pod;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Secrets and ConfigMaps by name, in any namespace, for mapper tests; tokens name their binding.
 */
public record FixedObjects(
    Map<String, Map<String, byte[]>> secrets, Map<String, Map<String, byte[]>> configMaps)
    implements KubeObjects {

  public FixedObjects(Map<String, Map<String, byte[]>> secrets) {
    this(secrets, Map.of());
  }

  /** Text data, as in a manifest's {@code stringData}/{@code data}. */
  public static Map<String, byte[]> data(String... keysAndValues) {
    Map<String, byte[]> data = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      data.put(keysAndValues[i], keysAndValues[i + 1].getBytes(StandardCharsets.UTF_8));
    }
    return data;
  }

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public Optional<Map<String, byte[]>> secret(String namespace, String name) {
    return Optional.ofNullable(secrets.get(name));
  }

  @Override
  public Optional<Map<String, byte[]>> configMap(String namespace, String name) {
    return Optional.ofNullable(configMaps.get(name));
  }

  /** A token naming what it was issued for, so a test sees the binding and the lifetime. */
  @Override
  public Optional<String> token(V1Pod pod, String audience, Duration lifetime) {
    return Optional.of(pod.getMetadata().getName() + "|" + audience + "|" + lifetime.toSeconds());
  }
}
