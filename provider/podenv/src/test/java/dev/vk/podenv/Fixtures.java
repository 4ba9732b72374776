package dev.vk.podenv;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ConfigMapEnvSource;
import io.kubernetes.client.openapi.models.V1ConfigMapKeySelector;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1EnvFromSource;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1EnvVarSource;
import io.kubernetes.client.openapi.models.V1EphemeralContainer;
import io.kubernetes.client.openapi.models.V1ObjectFieldSelector;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1ResourceFieldSelector;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1SecretEnvSource;
import io.kubernetes.client.openapi.models.V1SecretKeySelector;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1ServiceSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Small builders for the pods and objects the tests resolve. */
final class Fixtures {

  static final String NS = "shop";

  static final PodRuntime RUNTIME =
      new PodRuntime(
          "vk-node",
          "10.0.0.1",
          "10.244.0.7",
          Map.of(
              "cpu", new Quantity("4"),
              "memory", new Quantity("8Gi"),
              "ephemeral-storage", new Quantity("100Gi")));

  private Fixtures() {}

  static V1Pod pod(V1Container... containers) {
    return new V1Pod()
        .metadata(new V1ObjectMeta().name("web").namespace(NS).uid("uid-1"))
        .spec(new V1PodSpec().nodeName("vk-node").containers(new ArrayList<>(List.of(containers))));
  }

  static V1Container container(String name, V1EnvVar... env) {
    return new V1Container().name(name).image("nginx").env(new ArrayList<>(List.of(env)));
  }

  static V1EphemeralContainer ephemeral(String name, V1EnvVar... env) {
    return new V1EphemeralContainer()
        .name(name)
        .image("busybox")
        .env(new ArrayList<>(List.of(env)));
  }

  static V1EnvVar literal(String name, String value) {
    return new V1EnvVar().name(name).value(value);
  }

  static V1EnvVar fieldRef(String name, String path) {
    return new V1EnvVar()
        .name(name)
        .valueFrom(new V1EnvVarSource().fieldRef(new V1ObjectFieldSelector().fieldPath(path)));
  }

  static V1EnvVar resourceRef(String name, V1ResourceFieldSelector selector) {
    return new V1EnvVar().name(name).valueFrom(new V1EnvVarSource().resourceFieldRef(selector));
  }

  static V1EnvVar configMapKey(String name, String configMap, String key, Boolean optional) {
    return new V1EnvVar()
        .name(name)
        .valueFrom(
            new V1EnvVarSource()
                .configMapKeyRef(
                    new V1ConfigMapKeySelector().name(configMap).key(key).optional(optional)));
  }

  static V1EnvVar secretKey(String name, String secret, String key, Boolean optional) {
    return new V1EnvVar()
        .name(name)
        .valueFrom(
            new V1EnvVarSource()
                .secretKeyRef(new V1SecretKeySelector().name(secret).key(key).optional(optional)));
  }

  static V1EnvFromSource fromConfigMap(String name, String prefix, Boolean optional) {
    return new V1EnvFromSource()
        .prefix(prefix)
        .configMapRef(new V1ConfigMapEnvSource().name(name).optional(optional));
  }

  static V1EnvFromSource fromSecret(String name, String prefix, Boolean optional) {
    return new V1EnvFromSource()
        .prefix(prefix)
        .secretRef(new V1SecretEnvSource().name(name).optional(optional));
  }

  static V1ConfigMap configMap(String name, Map<String, String> data) {
    return new V1ConfigMap()
        .metadata(new V1ObjectMeta().namespace(NS).name(name))
        .data(new LinkedHashMap<>(data));
  }

  static V1Secret secret(String name, Map<String, String> data) {
    Map<String, byte[]> bytes = new LinkedHashMap<>();
    data.forEach((k, v) -> bytes.put(k, v.getBytes(StandardCharsets.UTF_8)));
    return new V1Secret().metadata(new V1ObjectMeta().namespace(NS).name(name)).data(bytes);
  }

  static V1Service service(
      String namespace, String name, String clusterIp, V1ServicePort... ports) {
    return new V1Service()
        .metadata(new V1ObjectMeta().namespace(namespace).name(name))
        .spec(new V1ServiceSpec().clusterIP(clusterIp).ports(List.of(ports)));
  }

  static V1ServicePort port(String name, int port, String protocol) {
    return new V1ServicePort().name(name).port(port).protocol(protocol);
  }

  /** The resolved environment of the named container, of whatever kind, in order. */
  static Map<String, String> env(Resolution resolution, String container) {
    V1PodSpec spec = resolution.pod().getSpec();
    List<V1EnvVar> env =
        Stream.of(
                spec.getInitContainers() == null
                    ? Stream.<V1Container>empty()
                    : spec.getInitContainers().stream(),
                spec.getContainers().stream())
            .flatMap(s -> s)
            .filter(c -> c.getName().equals(container))
            .map(V1Container::getEnv)
            .findFirst()
            .orElseGet(
                () ->
                    spec.getEphemeralContainers().stream()
                        .filter(c -> c.getName().equals(container))
                        .findFirst()
                        .orElseThrow()
                        .getEnv());
    Map<String, String> vars = new LinkedHashMap<>();
    env.forEach(
        e -> {
          if (e.getValueFrom() != null || vars.containsKey(e.getName())) {
            throw new AssertionError("not flat: " + env);
          }
          vars.put(e.getName(), e.getValue());
        });
    return vars;
  }
}
