package dev.vk.provider.fargate.pods;

import dev.vk.kubelet.types.ProviderException;
import io.kubernetes.client.openapi.models.V1DownwardAPIVolumeFile;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Downward API volume files, formatted as the kubelet writes them: maps as sorted {@code
 * key="value"} lines (Go's {@code %q} quoting, no final newline). Only fields known before the task
 * runs are offered; {@code status.*} and {@code resourceFieldRef} are refused naming the item.
 */
final class DownwardFiles {
  private static final Pattern SUBSCRIPT =
      Pattern.compile("metadata\\.(labels|annotations)\\['(.+)'\\]");

  private DownwardFiles() {}

  static void add(
      V1Pod pod, List<V1DownwardAPIVolumeFile> items, String field, Map<String, byte[]> files)
      throws ProviderException {
    for (int j = 0; items != null && j < items.size(); j++) {
      V1DownwardAPIVolumeFile item = items.get(j);
      String at = field + ".items[" + j + "]";
      if (item.getFieldRef() == null) {
        throw ProviderException.invalid(
            at + ".resourceFieldRef: not supported on Fargate (use an environment variable)");
      }
      String value = value(pod, item.getFieldRef().getFieldPath());
      if (value == null) {
        throw ProviderException.invalid(
            at
                + ".fieldRef.fieldPath: '"
                + item.getFieldRef().getFieldPath()
                + "' is not supported in Fargate volumes");
      }
      files.put(item.getPath(), value.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static String value(V1Pod pod, String path) {
    V1ObjectMeta meta = pod.getMetadata();
    Map<String, String> labels = meta.getLabels() == null ? Map.of() : meta.getLabels();
    Map<String, String> annotations =
        meta.getAnnotations() == null ? Map.of() : meta.getAnnotations();
    Matcher subscript = SUBSCRIPT.matcher(path);
    if (subscript.matches()) {
      Map<String, String> map = subscript.group(1).equals("labels") ? labels : annotations;
      return map.getOrDefault(subscript.group(2), "");
    }
    return switch (path) {
      case "metadata.name" -> meta.getName();
      case "metadata.namespace" -> meta.getNamespace();
      case "metadata.uid" -> meta.getUid();
      case "metadata.labels" -> format(labels);
      case "metadata.annotations" -> format(annotations);
      case "spec.serviceAccountName" -> Objects.toString(pod.getSpec().getServiceAccountName(), "");
      case "spec.nodeName" -> Objects.toString(pod.getSpec().getNodeName(), "");
      default -> null;
    };
  }

  /** The kubelet's {@code fieldpath.FormatMap}. */
  static String format(Map<String, String> map) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> e : new TreeMap<>(map).entrySet()) {
      out.append(out.length() == 0 ? "" : "\n").append(e.getKey()).append('=');
      out.append(quote(e.getValue()));
    }
    return out.toString();
  }

  private static String quote(String value) {
    StringBuilder q = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        case '\n' -> q.append("\\n");
        case '\t' -> q.append("\\t");
        case '\r' -> q.append("\\r");
        default -> q.append(c);
      }
    }
    return q.append('"').toString();
  }
}
