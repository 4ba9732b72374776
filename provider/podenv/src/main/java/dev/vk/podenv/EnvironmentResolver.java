package dev.vk.podenv;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1EphemeralContainer;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Produces a copy of a pod whose containers carry a flat, fully resolved environment, as a kubelet
 * computes it before starting them. Thread-safe; {@link #resolve} blocks while the {@link
 * ObjectLookup} does.
 */
public final class EnvironmentResolver {

  private final ObjectLookup lookup;

  public EnvironmentResolver(ObjectLookup lookup) {
    this.lookup = Objects.requireNonNull(lookup, "lookup");
  }

  /**
   * Resolves every init, regular and ephemeral container of {@code pod}, which is not modified.
   * Each referenced object is looked up once per call. Resolution goes on past a missing mandatory
   * reference so that the result reports every problem; the pod must not start if {@link
   * Resolution#failure()} is present.
   *
   * @throws IllegalArgumentException if the pod lacks a field the API requires (a container name,
   *     for example), which a pod read from the API server never does
   */
  public Resolution resolve(V1Pod pod, PodRuntime runtime) {
    Objects.requireNonNull(runtime, "runtime");
    V1Pod copy = deepCopy(Objects.requireNonNull(pod, "pod"));
    Problems problems = new Problems();
    V1PodSpec spec = copy.getSpec();
    if (spec == null) {
      return new Resolution(copy, problems.events(), problems.failure());
    }
    String namespace =
        pod.getMetadata() == null || pod.getMetadata().getNamespace() == null
            ? "default"
            : pod.getMetadata().getNamespace();
    ObjectCache cache = new ObjectCache(lookup, namespace);
    Map<String, String> serviceVars;
    try {
      // The API server defaults enableServiceLinks to true.
      boolean links = !Boolean.FALSE.equals(spec.getEnableServiceLinks());
      serviceVars = ServiceLinks.forPod(cache, namespace, links);
    } catch (LookupException e) {
      problems.fail("failed to list services when setting up env vars: " + e.getMessage());
      serviceVars = Map.of();
    }
    // Reads come from the untouched input, writes go to the copy.
    ContainerEnvironment environment =
        new ContainerEnvironment(
            pod, runtime, serviceVars, new SourceRefs(cache, problems), problems);
    for (V1Container c : orEmpty(spec.getInitContainers())) {
      apply(environment.resolve(ContainerSpec.of(c)), c);
    }
    for (V1Container c : orEmpty(spec.getContainers())) {
      apply(environment.resolve(ContainerSpec.of(c)), c);
    }
    for (V1EphemeralContainer c : orEmpty(spec.getEphemeralContainers())) {
      ContainerEnvironment.Resolved r = environment.resolve(ContainerSpec.of(c));
      c.env(r.env()).envFrom(new ArrayList<>()).command(r.command()).args(r.args());
    }
    return new Resolution(copy, problems.events(), problems.failure());
  }

  private static void apply(ContainerEnvironment.Resolved r, V1Container c) {
    c.env(r.env()).envFrom(new ArrayList<>()).command(r.command()).args(r.args());
  }

  /** The client's models have no deep copy; a JSON round trip copies every field faithfully. */
  private static V1Pod deepCopy(V1Pod pod) {
    try {
      return V1Pod.fromJson(pod.toJson());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy pod", e);
    }
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
