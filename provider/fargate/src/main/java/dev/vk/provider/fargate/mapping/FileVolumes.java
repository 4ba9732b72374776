package dev.vk.provider.fargate.mapping;

import dev.vk.kubelet.types.ProviderException;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1DownwardAPIVolumeFile;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import io.kubernetes.client.openapi.models.V1VolumeProjection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The pod volumes whose files come from Kubernetes (configMap, secret, downwardAPI, projected). ECS
 * has no such volume types, so each becomes a host-less task volume (a Fargate bind mount shared by
 * the task's containers) that {@link VolumeHelper} fills before the pod's containers start. This
 * class knows which of their files differ between replicas of one spec (tokens, the pod's name,
 * UID, labels and annotations): those travel in RunTask overrides so that replicas keep sharing one
 * task definition.
 */
public final class FileVolumes {
  /** The name of the container that writes these volumes, also named in RunTask overrides. */
  public static final String HELPER = "vk-volumes";

  /** Downward API fields equal for every replica of a spec on this node. */
  private static final Set<String> SHARED_FIELDS =
      Set.of("metadata.namespace", "spec.serviceAccountName", "spec.nodeName");

  private FileVolumes() {}

  /** The field naming the volume's source, e.g. {@code spec.volumes[2].configMap}; else null. */
  public static String field(V1Volume v, int index) {
    String base = "spec.volumes[" + index + "].";
    if (v.getConfigMap() != null) {
      return base + "configMap";
    }
    if (v.getSecret() != null) {
      return base + "secret";
    }
    if (v.getDownwardAPI() != null) {
      return base + "downwardAPI";
    }
    return v.getProjected() != null ? base + "projected" : null;
  }

  /** Name to field of every such volume, in spec order. */
  static Map<String, String> fields(V1PodSpec spec) {
    Map<String, String> out = new LinkedHashMap<>();
    List<V1Volume> volumes = spec.getVolumes() == null ? List.of() : spec.getVolumes();
    for (int i = 0; i < volumes.size(); i++) {
      String field = field(volumes.get(i), i);
      if (field != null) {
        out.put(volumes.get(i).getName(), field);
      }
    }
    return out;
  }

  /** The paths of the volume whose content depends on the pod rather than its spec. */
  static Set<String> podSpecificPaths(V1Volume v) {
    Set<String> paths = new TreeSet<>();
    if (v.getDownwardAPI() != null) {
      downward(v.getDownwardAPI().getItems(), paths);
    }
    if (v.getProjected() != null && v.getProjected().getSources() != null) {
      for (V1VolumeProjection source : v.getProjected().getSources()) {
        if (source.getServiceAccountToken() != null) {
          paths.add(source.getServiceAccountToken().getPath());
        }
        if (source.getDownwardAPI() != null) {
          downward(source.getDownwardAPI().getItems(), paths);
        }
      }
    }
    return paths;
  }

  private static void downward(List<V1DownwardAPIVolumeFile> items, Set<String> paths) {
    for (V1DownwardAPIVolumeFile item :
        items == null ? List.<V1DownwardAPIVolumeFile>of() : items) {
      if (item.getFieldRef() == null
          || !SHARED_FIELDS.contains(item.getFieldRef().getFieldPath())) {
        paths.add(item.getPath());
      }
    }
  }

  /** A bind mount cannot mount one file of a volume: {@code subPath} is refused on them. */
  static void checkMounts(V1PodSpec spec, Set<String> names) throws ProviderException {
    check(spec.getInitContainers(), "spec.initContainers", names);
    check(spec.getContainers(), "spec.containers", names);
  }

  private static void check(List<V1Container> containers, String path, Set<String> names)
      throws ProviderException {
    for (int i = 0; containers != null && i < containers.size(); i++) {
      List<V1VolumeMount> mounts = containers.get(i).getVolumeMounts();
      for (int j = 0; mounts != null && j < mounts.size(); j++) {
        V1VolumeMount m = mounts.get(j);
        boolean sub =
            (m.getSubPath() != null && !m.getSubPath().isEmpty())
                || (m.getSubPathExpr() != null && !m.getSubPathExpr().isEmpty());
        if (names.contains(m.getName()) && sub) {
          String field =
              m.getSubPath() != null && !m.getSubPath().isEmpty() ? "subPath" : "subPathExpr";
          throw ProviderException.invalid(
              path
                  + "["
                  + i
                  + "].volumeMounts["
                  + j
                  + "]."
                  + field
                  + ": Fargate cannot mount part of volume "
                  + m.getName()
                  + "; mount the whole volume");
        }
      }
    }
  }
}
