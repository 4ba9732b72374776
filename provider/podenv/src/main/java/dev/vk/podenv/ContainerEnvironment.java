package dev.vk.podenv;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1EnvFromSource;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1EnvVarSource;
import io.kubernetes.client.openapi.models.V1Pod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves one container's environment as the kubelet does: service link variables, then {@code
 * envFrom} sources in order, then {@code env} entries, each later definition replacing an earlier
 * one where it stood; then {@code $(VAR)} in {@code command} and {@code args}.
 */
final class ContainerEnvironment {

  /** A container's resolved environment and expanded command line (null stays null). */
  record Resolved(List<V1EnvVar> env, List<String> command, List<String> args) {}

  private final V1Pod pod;
  private final PodRuntime runtime;
  private final Map<String, String> serviceVars;
  private final Map<String, Quantity> limitDefaults;
  private final SourceRefs refs;
  private final Problems problems;

  ContainerEnvironment(
      V1Pod pod,
      PodRuntime runtime,
      Map<String, String> serviceVars,
      SourceRefs refs,
      Problems problems) {
    this.pod = pod;
    this.runtime = runtime;
    this.serviceVars = serviceVars;
    this.limitDefaults = ResourceFieldRefs.limitDefaults(pod, runtime.nodeAllocatable());
    this.refs = refs;
    this.problems = problems;
  }

  Resolved resolve(ContainerSpec container) {
    Map<String, String> vars = new LinkedHashMap<>(serviceVars);
    for (V1EnvFromSource source : orEmpty(container.envFrom())) {
      refs.addEnvFrom(source, container.name(), vars);
    }
    for (V1EnvVar envVar : orEmpty(container.env())) {
      // Expansion sees the variables defined so far, as the kubelet's live map does.
      value(envVar, container, vars).ifPresent(v -> vars.put(envVar.getName(), v));
    }
    List<V1EnvVar> env = new ArrayList<>(vars.size());
    vars.forEach((name, value) -> env.add(new V1EnvVar().name(name).value(value)));
    return new Resolved(
        env, expandAll(container.command(), vars), expandAll(container.args(), vars));
  }

  private Optional<String> value(
      V1EnvVar envVar, ContainerSpec container, Map<String, String> vars) {
    String literal = envVar.getValue();
    V1EnvVarSource from = envVar.getValueFrom();
    // Like the kubelet: a non-empty value wins; valueFrom results are never expanded.
    if ((literal != null && !literal.isEmpty()) || from == null) {
      return Optional.of(Expansion.expand(literal == null ? "" : literal, vars::get));
    }
    try {
      if (from.getFieldRef() != null) {
        return Optional.of(FieldRefs.value(from.getFieldRef(), pod, runtime));
      }
      if (from.getResourceFieldRef() != null) {
        return Optional.of(
            ResourceFieldRefs.value(
                from.getResourceFieldRef(), pod, container.resources(), limitDefaults));
      }
      if (from.getConfigMapKeyRef() != null) {
        var ref = from.getConfigMapKeyRef();
        return refs.keyValue(
            SourceKind.CONFIG_MAP,
            ref.getName(),
            ref.getKey(),
            ref.getOptional(),
            envVar.getName(),
            container.name());
      }
      if (from.getSecretKeyRef() != null) {
        var ref = from.getSecretKeyRef();
        return refs.keyValue(
            SourceKind.SECRET,
            ref.getName(),
            ref.getKey(),
            ref.getOptional(),
            envVar.getName(),
            container.name());
      }
      if (from.getFileKeyRef() != null) {
        // The file lives in a volume on the node; a cloud container service has no such node.
        throw new UnresolvableException("fileKeyRef is not supported by this node");
      }
      return Optional.of("");
    } catch (UnresolvableException e) {
      problems.fail(
          String.format(
              "env var %s of container %s: %s",
              envVar.getName(), container.name(), e.getMessage()));
      return Optional.empty();
    }
  }

  private static List<String> expandAll(List<String> items, Map<String, String> vars) {
    if (items == null) {
      return null;
    }
    // Mutable, like every list in the client's models, for callers that edit the copy further.
    List<String> expanded = new ArrayList<>(items.size());
    items.forEach(item -> expanded.add(Expansion.expand(item, vars::get)));
    return expanded;
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
