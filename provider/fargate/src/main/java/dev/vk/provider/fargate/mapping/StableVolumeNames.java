package dev.vk.provider.fargate.mapping;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Gives the service account volume one name for every pod. Kubernetes names it {@code
 * kube-api-access-<5 random characters>} per pod, and volume names are part of the task definition,
 * so without this every replica of a Deployment would register its own revision. Only a pod with
 * exactly one such volume and none named {@value #NAME} is renamed, so two volumes never merge.
 */
final class StableVolumeNames {
  static final String NAME = "kube-api-access";
  private static final Pattern GENERATED = Pattern.compile("kube-api-access-[a-z0-9]{5}");

  /** The spec and inputs to plan from. */
  record Renamed(V1PodSpec spec, PodInputs inputs) {}

  private StableVolumeNames() {}

  /** The pod's spec and inputs, renamed when the pod has a generated name; pure. */
  static Renamed of(V1Pod pod, PodInputs inputs) {
    V1PodSpec spec = pod.getSpec();
    List<V1Volume> volumes = spec.getVolumes() == null ? List.of() : spec.getVolumes();
    List<String> generated =
        volumes.stream()
            .map(V1Volume::getName)
            .filter(n -> n != null && GENERATED.matcher(n).matches())
            .toList();
    boolean taken = volumes.stream().anyMatch(v -> NAME.equals(v.getName()));
    if (generated.size() != 1 || taken) {
      return new Renamed(spec, inputs);
    }
    String from = generated.get(0);
    V1PodSpec copy = copy(spec);
    copy.getVolumes().stream().filter(v -> from.equals(v.getName())).forEach(v -> v.setName(NAME));
    Stream.of(copy.getInitContainers(), copy.getContainers())
        .filter(l -> l != null)
        .flatMap(List::stream)
        .map(V1Container::getVolumeMounts)
        .filter(l -> l != null)
        .flatMap(List::stream)
        .filter(m -> from.equals(m.getName()))
        .forEach((V1VolumeMount m) -> m.setName(NAME));
    Map<String, Map<String, byte[]>> files = new HashMap<>(inputs.volumeFiles());
    Map<String, byte[]> moved = files.remove(from);
    if (moved != null) {
      files.put(NAME, moved);
    }
    return new Renamed(copy, new PodInputs(inputs.serviceAccountRole(), Map.copyOf(files)));
  }

  private static V1PodSpec copy(V1PodSpec spec) {
    try {
      return V1PodSpec.fromJson(spec.toJson());
    } catch (IOException e) {
      throw new UncheckedIOException("a pod spec that serialises does not parse back", e);
    }
  }
}
