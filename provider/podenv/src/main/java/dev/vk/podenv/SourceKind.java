package dev.vk.podenv;

import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Secret;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The two kinds of object an environment can be read from, with the words used to report them. */
enum SourceKind {
  CONFIG_MAP("ConfigMap", "configmap", "configMap") {
    @Override
    Optional<Map<String, String>> read(ObjectLookup lookup, String namespace, String name)
        throws LookupException {
      // Like the kubelet, only "data" feeds the environment; "binaryData" never does.
      return lookup.configMap(namespace, name).map(V1ConfigMap::getData).map(SourceKind::orEmpty);
    }
  },
  SECRET("Secret", "secret", "secret") {
    @Override
    Optional<Map<String, String>> read(ObjectLookup lookup, String namespace, String name)
        throws LookupException {
      return lookup.secret(namespace, name).map(V1Secret::getData).map(SourceKind::decode);
    }
  };

  /** As in event reasons and kubelet messages: "ConfigMap", "Secret". */
  final String title;

  /** As in kubelet NotFound messages: {@code configmap "x" not found}. */
  final String lower;

  /** As in the kubelet's invalid-names event: "from the EnvFrom configMap ns/x". */
  final String envFromWord;

  SourceKind(String title, String lower, String envFromWord) {
    this.title = title;
    this.lower = lower;
    this.envFromWord = envFromWord;
  }

  /** The object's string data, or empty when it does not exist. */
  abstract Optional<Map<String, String>> read(ObjectLookup lookup, String namespace, String name)
      throws LookupException;

  private static Map<String, String> orEmpty(Map<String, String> data) {
    return data == null ? Map.of() : data;
  }

  private static Map<String, String> decode(Map<String, byte[]> data) {
    Map<String, String> decoded = new LinkedHashMap<>();
    if (data != null) {
      data.forEach((k, v) -> decoded.put(k, new String(v, StandardCharsets.UTF_8)));
    }
    return decoded;
  }
}
