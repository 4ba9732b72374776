package dev.vk.provider.fargate.mapping;

import dev.vk.kubelet.types.ProviderException;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1Volume;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.MountPoint;
import software.amazon.awssdk.services.ecs.model.TaskOverride;

/**
 * The {@value #NAME} container: it writes the files of the {@link FileVolumes} before every other
 * container starts (they depend on its SUCCESS), then exits. Each file is a base64 environment
 * variable that a {@code sh -c} script decodes into place, because a task definition can carry
 * nothing else. Contents equal for every replica sit in the task definition; per-pod ones (tokens,
 * the pod's name) in RunTask overrides, so replicas share one registered revision.
 */
final class VolumeHelper {
  static final String NAME = FileVolumes.HELPER;
  static final String ROOT = "/vk-volumes/";

  /** RunTask refuses overrides whose JSON exceeds 8 KiB. */
  static final int OVERRIDES_LIMIT = 8192;

  /** RegisterTaskDefinition allows 64 KiB in all; the rest is left to the pod's own containers. */
  static final int DEFINITION_LIMIT = 48 * 1024;

  /** The container and, when the pod has per-pod files, the RunTask overrides carrying them. */
  record Helper(ContainerDefinition container, Optional<TaskOverride> overrides) {}

  private VolumeHelper() {}

  static Helper build(
      V1PodSpec spec,
      Map<String, String> fields,
      Map<String, Map<String, byte[]>> files,
      MappingConfig config)
      throws ProviderException {
    List<String> script = new ArrayList<>(List.of("set -e"));
    Set<String> directories = new LinkedHashSet<>();
    List<KeyValuePair> shared = new ArrayList<>();
    List<KeyValuePair> perPod = new ArrayList<>();
    int sharedBytes = 0;
    // The JSON of the overrides, counted as ECS receives it (names and base64 need no escapes).
    int overrideBytes =
        ("{'containerOverrides':[{'name':'" + NAME + "','environment':[]}]}").length();
    for (V1Volume volume : spec.getVolumes()) {
      String field = fields.get(volume.getName());
      if (field == null) {
        continue;
      }
      Set<String> podSpecific = FileVolumes.podSpecificPaths(volume);
      Map<String, byte[]> content = new TreeMap<>(files.getOrDefault(volume.getName(), Map.of()));
      for (Map.Entry<String, byte[]> file : content.entrySet()) {
        String variable = "VK_FILE_" + (shared.size() + perPod.size());
        KeyValuePair pair =
            KeyValuePair.builder()
                .name(variable)
                .value(Base64.getEncoder().encodeToString(file.getValue()))
                .build();
        String target = ROOT + volume.getName() + "/" + file.getKey();
        String parent = target.substring(0, target.lastIndexOf('/'));
        if (file.getKey().contains("/") && directories.add(parent)) {
          script.add("mkdir -p " + quote(parent));
        }
        script.add("echo \"$" + variable + "\" | base64 -d > " + quote(target));
        int size = variable.length() + pair.value().length();
        if (podSpecific.contains(file.getKey())) {
          perPod.add(pair);
          overrideBytes += size + "{'name':'','value':''},".length();
          refuseOver(overrideBytes, OVERRIDES_LIMIT, field, "pod-specific", "RunTask overrides");
        } else {
          shared.add(pair);
          sharedBytes += size;
          refuseOver(sharedBytes, DEFINITION_LIMIT, field, "shared", "the task definition");
        }
      }
    }
    ContainerDefinition.Builder container =
        ContainerDefinition.builder()
            .name(NAME)
            .image(config.volumeImage())
            .essential(false)
            .entryPoint("sh", "-c")
            .command(String.join("\n", script))
            .environment(shared)
            .mountPoints(
                fields.keySet().stream()
                    .map(
                        n ->
                            MountPoint.builder()
                                .sourceVolume(n)
                                .containerPath(ROOT + n)
                                .readOnly(false)
                                .build())
                    .toList())
            .logConfiguration(ContainerDefinitions.logConfiguration(config));
    Optional<TaskOverride> overrides =
        perPod.isEmpty()
            ? Optional.empty()
            : Optional.of(
                TaskOverride.builder()
                    .containerOverrides(
                        ContainerOverride.builder().name(NAME).environment(perPod).build())
                    .build());
    return new Helper(container.build(), overrides);
  }

  private static void refuseOver(int bytes, int limit, String field, String kind, String where)
      throws ProviderException {
    if (bytes > limit) {
      throw ProviderException.invalid(
          field
              + ": the "
              + kind
              + " files of the pod's volumes need more than the "
              + limit
              + " bytes Fargate allows in "
              + where
              + " (base64 encoded)");
    }
  }

  /** Single-quoted for sh; a quote inside is written {@code '\''}. */
  static String quote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
