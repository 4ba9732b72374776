package dev.vk.podenv;

import io.kubernetes.client.openapi.models.V1EnvFromSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Resolves references to ConfigMaps and Secrets ({@code envFrom} sources and {@code
 * configMapKeyRef}/{@code secretKeyRef}), reporting what is missing: an optional reference is
 * skipped with a Warning, a mandatory one also fails the pod.
 */
final class SourceRefs {

  /** Who refers to the object; {@code envName} and {@code key} are null for an envFrom source. */
  private record Reference(
      SourceKind kind,
      String name,
      String key,
      String envName,
      String container,
      boolean optional) {

    String subject() {
      return envName == null
          ? "envFrom of container " + container
          : "env var " + envName + " (key " + key + ") of container " + container;
    }

    String consequence() {
      return (optional ? "skipped optional " : "required by ") + subject();
    }
  }

  private final ObjectCache cache;
  private final Problems problems;

  SourceRefs(ObjectCache cache, Problems problems) {
    this.cache = cache;
    this.problems = problems;
  }

  /** Adds the source's keys, prefixed, to {@code env}; invalid names are skipped and reported. */
  void addEnvFrom(V1EnvFromSource source, String container, Map<String, String> env) {
    Reference ref;
    if (source.getConfigMapRef() != null) {
      var cm = source.getConfigMapRef();
      ref =
          new Reference(
              SourceKind.CONFIG_MAP, cm.getName(), null, null, container, is(cm.getOptional()));
    } else if (source.getSecretRef() != null) {
      var s = source.getSecretRef();
      ref =
          new Reference(SourceKind.SECRET, s.getName(), null, null, container, is(s.getOptional()));
    } else {
      return;
    }
    Optional<Map<String, String>> data = fetch(ref);
    if (data.isEmpty()) {
      return;
    }
    String prefix = source.getPrefix() == null ? "" : source.getPrefix();
    List<String> invalid = new ArrayList<>();
    // Sorted keys: the kubelet's map order is random, ours should at least be stable.
    new TreeMap<>(data.get())
        .forEach(
            (key, value) -> {
              String name = prefix + key;
              if (EnvVarNames.isValid(name)) {
                env.put(name, value == null ? "" : value);
              } else {
                invalid.add(name);
              }
            });
    if (!invalid.isEmpty()) {
      problems.warn(
          "InvalidEnvironmentVariableNames",
          String.format(
              "Keys [%s] from the EnvFrom %s %s/%s were skipped since they are considered invalid"
                  + " environment variable names.",
              String.join(", ", invalid), ref.kind().envFromWord, cache.namespace(), ref.name()));
    }
  }

  /** The key's value, or empty when the variable must be left out. */
  Optional<String> keyValue(
      SourceKind kind,
      String name,
      String key,
      Boolean optional,
      String envName,
      String container) {
    Reference ref = new Reference(kind, name, key, envName, container, is(optional));
    Optional<Map<String, String>> data = fetch(ref);
    if (data.isEmpty()) {
      return Optional.empty();
    }
    String value = data.get().get(key);
    if (value != null) {
      return Optional.of(value);
    }
    String where = kind.title + " " + cache.namespace() + "/" + name;
    problems.warn(
        mode(ref) + kind.title + "KeyNotFound",
        "Key " + key + " not found in " + where + "; " + ref.consequence());
    if (!ref.optional()) {
      problems.fail("couldn't find key " + key + " in " + where);
    }
    return Optional.empty();
  }

  private Optional<Map<String, String>> fetch(Reference ref) {
    ObjectCache.Fetched fetched = cache.fetch(ref.kind(), ref.name());
    if (fetched.data().isPresent()) {
      return fetched.data();
    }
    SourceKind kind = ref.kind();
    String where = kind.title + " " + cache.namespace() + "/" + ref.name();
    if (fetched.error() == null) {
      problems.warn(
          mode(ref) + kind.title + "NotFound", where + " not found; " + ref.consequence());
      if (!ref.optional()) {
        problems.fail(kind.lower + " \"" + ref.name() + "\" not found");
      }
    } else {
      String error = fetched.error().getMessage();
      problems.warn(
          "FailedToRead" + mode(ref) + kind.title,
          "Failed to read " + where + ": " + error + "; " + ref.consequence());
      if (!ref.optional()) {
        problems.fail("failed to read " + kind.lower + " \"" + ref.name() + "\": " + error);
      }
    }
    return Optional.empty();
  }

  private static String mode(Reference ref) {
    return ref.optional() ? "Optional" : "Mandatory";
  }

  private static boolean is(Boolean flag) {
    return Boolean.TRUE.equals(flag);
  }
}
