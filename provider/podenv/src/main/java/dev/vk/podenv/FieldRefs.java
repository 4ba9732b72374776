package dev.vk.podenv;

import io.kubernetes.client.openapi.models.V1HostIP;
import io.kubernetes.client.openapi.models.V1ObjectFieldSelector;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodIP;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The downward API's {@code fieldRef}: the paths API validation allows in {@code env}. Status
 * fields come from the pod's status and, when it has none yet, from the {@link PodRuntime}.
 */
final class FieldRefs {

  private FieldRefs() {}

  static String value(V1ObjectFieldSelector selector, V1Pod pod, PodRuntime runtime)
      throws UnresolvableException {
    String version = selector.getApiVersion();
    if (version != null && !version.isEmpty() && !version.equals("v1")) {
      throw new UnresolvableException("unsupported pod version: " + version);
    }
    String path = Objects.requireNonNullElse(selector.getFieldPath(), "");
    V1ObjectMeta meta = Objects.requireNonNullElseGet(pod.getMetadata(), V1ObjectMeta::new);
    V1PodSpec spec = Objects.requireNonNullElseGet(pod.getSpec(), V1PodSpec::new);
    V1PodStatus status = Objects.requireNonNullElseGet(pod.getStatus(), V1PodStatus::new);
    List<String> hostIps = ips(status.getHostIPs(), V1HostIP::getIp);
    List<String> podIps = ips(status.getPodIPs(), V1PodIP::getIp);
    switch (path) {
      case "metadata.name":
        return orEmpty(meta.getName());
      case "metadata.namespace":
        return orEmpty(meta.getNamespace());
      case "metadata.uid":
        return orEmpty(meta.getUid());
      case "spec.nodeName":
        return first(spec.getNodeName(), runtime.nodeName());
      case "spec.serviceAccountName":
        return orEmpty(spec.getServiceAccountName());
      case "status.hostIP":
        return first(
            status.getHostIP(), hostIps.isEmpty() ? null : hostIps.get(0), runtime.hostIp());
      case "status.hostIPs":
        return hostIps.isEmpty()
            ? first(status.getHostIP(), runtime.hostIp())
            : String.join(",", hostIps);
      case "status.podIP":
        return first(status.getPodIP(), podIps.isEmpty() ? null : podIps.get(0), runtime.podIp());
      case "status.podIPs":
        return podIps.isEmpty()
            ? first(status.getPodIP(), runtime.podIp())
            : String.join(",", podIps);
      default:
        return subscripted(path, meta);
    }
  }

  /** {@code metadata.labels['k']} and {@code metadata.annotations['k']}; a missing key gives "". */
  private static String subscripted(String path, V1ObjectMeta meta) throws UnresolvableException {
    int open = path.indexOf("['");
    if (!path.endsWith("']") || open <= 0 || open + 2 > path.length() - 2) {
      throw new UnresolvableException("unsupported fieldPath: " + path);
    }
    String key = path.substring(open + 2, path.length() - 2);
    Map<String, String> map =
        switch (path.substring(0, open)) {
          case "metadata.labels" -> meta.getLabels();
          case "metadata.annotations" -> meta.getAnnotations();
          default ->
              throw new UnresolvableException(
                  "fieldPath \"" + path + "\" does not support subscript");
        };
    return map == null ? "" : orEmpty(map.get(key));
  }

  private static <T> List<String> ips(List<T> entries, Function<T, String> ip) {
    return entries == null
        ? List.of()
        : entries.stream().map(ip).filter(s -> s != null && !s.isEmpty()).toList();
  }

  private static String first(String... candidates) {
    for (String candidate : candidates) {
      if (candidate != null && !candidate.isEmpty()) {
        return candidate;
      }
    }
    return "";
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
