package dev.vk.testbed.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first container of a rendered Deployment's pod template, read as a kubelet reads it: the
 * command (Kubernetes' command/args over the image's entrypoint/cmd, with {@code $(VAR)} references
 * expanded), the environment, the user and the read-only root. Reads whatever the chart renders
 * instead of expecting particular entries.
 */
final class PodTemplate {
  private static final Pattern REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_.-]*)\\)");

  private final Map<String, Object> pod;
  private final Map<String, Object> container;

  PodTemplate(Map<String, Object> deployment) {
    this.pod = map(map(map(deployment.get("spec")).get("template")).get("spec"));
    this.container = list(pod.get("containers")).get(0);
  }

  Map<String, Object> pod() {
    return pod;
  }

  Map<String, Object> container() {
    return container;
  }

  String image() {
    return (String) container.get("image");
  }

  String serviceAccountName() {
    return (String) pod.getOrDefault("serviceAccountName", "default");
  }

  /**
   * What the container runs: {@code command} replaces the image's entrypoint (and drops its cmd),
   * {@code args} replaces its cmd; {@code $(NAME)} becomes the variable's value, {@code $$} a
   * dollar.
   */
  List<String> command(OciImage image, Map<String, String> env) {
    List<String> command = strings(container.get("command"));
    List<String> args = strings(container.get("args"));
    List<String> all = new ArrayList<>();
    if (container.get("command") != null) {
      all.addAll(command);
      all.addAll(args);
    } else {
      all.addAll(image.entrypoint());
      all.addAll(container.get("args") != null ? args : image.cmd());
    }
    return all.stream().map(word -> expand(word, env)).toList();
  }

  /**
   * The container's {@code env} in order over {@code base}, each {@code valueFrom} answered by
   * {@code valueFrom} (given the map under {@code valueFrom}); values may refer to earlier ones.
   */
  Map<String, String> env(
      Map<String, String> base, Function<Map<String, Object>, String> valueFrom) {
    Map<String, String> env = new LinkedHashMap<>(base);
    if (container.get("envFrom") != null) {
      throw new UnsupportedOperationException("envFrom is not resolved by this test runner");
    }
    for (Map<String, Object> var : listOrEmpty(container.get("env"))) {
      String name = (String) var.get("name");
      if (var.get("valueFrom") != null) {
        env.put(name, valueFrom.apply(map(var.get("valueFrom"))));
      } else {
        env.put(name, expand(String.valueOf(var.getOrDefault("value", "")), env));
      }
    }
    return env;
  }

  /** runAsUser of the container, else of the pod, else the image's user. */
  long uid(OciImage image) {
    return securityContext("runAsUser")
        .map(n -> ((Number) n).longValue())
        .orElseGet(() -> Long.parseLong(image.user().split(":")[0]));
  }

  /** runAsGroup of the container, else of the pod, else the image's group, else the uid. */
  long gid(OciImage image) {
    return securityContext("runAsGroup")
        .map(n -> ((Number) n).longValue())
        .orElseGet(
            () -> {
              String[] user = image.user().split(":");
              return Long.parseLong(user.length > 1 ? user[1] : user[0]);
            });
  }

  /** The pod's fsGroup, the group that owns the volumes' files. */
  Optional<Long> fsGroup() {
    return Optional.ofNullable((Number) mapOrEmpty(pod.get("securityContext")).get("fsGroup"))
        .map(Number::longValue);
  }

  boolean runAsNonRoot() {
    return Boolean.TRUE.equals(securityContext("runAsNonRoot").orElse(false));
  }

  boolean readOnlyRootFilesystem() {
    return Boolean.TRUE.equals(
        mapOrEmpty(container.get("securityContext")).get("readOnlyRootFilesystem"));
  }

  boolean automountServiceAccountToken() {
    return !Boolean.FALSE.equals(pod.get("automountServiceAccountToken"));
  }

  List<Map<String, Object>> volumeMounts() {
    return listOrEmpty(container.get("volumeMounts"));
  }

  /** The pod's volume named {@code name}. */
  Map<String, Object> volume(String name) {
    return listOrEmpty(pod.get("volumes")).stream()
        .filter(v -> name.equals(v.get("name")))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no volume " + name));
  }

  @SuppressWarnings("unchecked")
  private <T> Optional<T> securityContext(String key) {
    Object own = mapOrEmpty(container.get("securityContext")).get(key);
    return Optional.ofNullable(
        (T) (own != null ? own : mapOrEmpty(pod.get("securityContext")).get(key)));
  }

  private static String expand(String word, Map<String, String> env) {
    Matcher m = REFERENCE.matcher(word.replace("$$", "\u0000"));
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = env.getOrDefault(m.group(1), m.group());
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString().replace("\u0000", "$");
  }

  private static List<String> strings(Object o) {
    return o == null ? List.of() : ((List<?>) o).stream().map(String::valueOf).toList();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    if (!(o instanceof Map)) {
      throw new IllegalStateException("not a map: " + o);
    }
    return (Map<String, Object>) o;
  }

  static Map<String, Object> mapOrEmpty(Object o) {
    return o == null ? Map.of() : map(o);
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Object o) {
    if (!(o instanceof List)) {
      throw new IllegalStateException("not a list: " + o);
    }
    return (List<Map<String, Object>>) o;
  }

  static List<Map<String, Object>> listOrEmpty(Object o) {
    return o == null ? List.of() : list(o);
  }
}
