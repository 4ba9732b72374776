package dev.vk.provider.fargate.pods;

import dev.vk.provider.memory.CompactMaps;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import jakarta.annotation.Nullable;
import java.util.List;
import java.util.Map;

/**
 * What a {@link PodRecord} keeps of its pod once the task runs: the identity, labels and
 * annotations, node, restart policy and each container's name and image (a pod adopted from its
 * task's tags has the same but labels and annotations). The rest of the spec went into the task
 * definition and the record's {@code PodShape}; holding the whole resolved pod (the node's copy,
 * with every service-link variable) cost about 3.4 KB a pod, for as long as it runs. Labels and
 * annotations are the JDK's compact maps. Immutable; {@link #pod()} builds a new pod each call,
 * whose maps are these (unmodifiable).
 */
record KeptPod(
    String namespace,
    String name,
    String uid,
    Map<String, String> labels,
    Map<String, String> annotations,
    @Nullable String nodeName,
    @Nullable String restartPolicy,
    List<Image> containers,
    List<Image> initContainers) {

  /** A container's name and image. */
  record Image(String container, @Nullable String image) {}

  static KeptPod of(V1Pod pod) {
    V1ObjectMeta meta = pod.getMetadata();
    V1PodSpec spec = pod.getSpec();
    return new KeptPod(
        meta.getNamespace(),
        meta.getName(),
        meta.getUid(),
        CompactMaps.copyOf(meta.getLabels()),
        CompactMaps.copyOf(meta.getAnnotations()),
        spec == null ? null : spec.getNodeName(),
        spec == null ? null : spec.getRestartPolicy(),
        images(spec == null ? null : spec.getContainers()),
        images(spec == null ? null : spec.getInitContainers()));
  }

  /** The pod as a getPod answer shows it, without status; a new object each call. */
  V1Pod pod() {
    return new V1Pod()
        .apiVersion("v1")
        .kind("Pod")
        .metadata(
            new V1ObjectMeta()
                .namespace(namespace)
                .name(name)
                .uid(uid)
                .labels(labels.isEmpty() ? null : labels)
                .annotations(annotations.isEmpty() ? null : annotations))
        .spec(
            new V1PodSpec()
                .nodeName(nodeName)
                .restartPolicy(restartPolicy)
                .containers(containers(containers))
                .initContainers(initContainers.isEmpty() ? null : containers(initContainers)));
  }

  private static List<V1Container> containers(List<Image> images) {
    return images.stream()
        .map(i -> new V1Container().name(i.container()).image(i.image()))
        .toList();
  }

  private static List<Image> images(@Nullable List<V1Container> containers) {
    return containers == null
        ? List.of()
        : containers.stream().map(c -> new Image(c.getName(), c.getImage())).toList();
  }
}
