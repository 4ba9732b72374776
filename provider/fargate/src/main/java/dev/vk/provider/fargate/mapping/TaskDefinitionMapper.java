package dev.vk.provider.fargate.mapping;

import dev.vk.provider.ProviderException;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Volume;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ecs.model.CPUArchitecture;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.OSFamily;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Volume;

/**
 * Turns a pod into a {@link TaskPlan}: admission, sizing, container definitions and the
 * content-addressed family. Pure: no AWS calls, so it is tested with tables.
 */
public final class TaskDefinitionMapper {
  private static final Pattern ROLE = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/.+");
  private final MappingConfig config;

  public TaskDefinitionMapper(MappingConfig config) {
    this.config = config;
  }

  /**
   * Plans the pod's task.
   *
   * @throws ProviderException INVALID_INPUT naming the field when Fargate cannot run the pod
   */
  public TaskPlan plan(V1Pod pod) throws ProviderException {
    if (pod.getSpec() == null
        || pod.getSpec().getContainers() == null
        || pod.getSpec().getContainers().isEmpty()) {
      throw ProviderException.invalid("spec.containers: a pod needs at least one container");
    }
    PodAdmission.check(pod.getSpec());
    PodSizing.Sizing sizing = PodSizing.size(pod.getSpec());
    Map<String, String> annotations = annotations(pod.getMetadata());
    Optional<String> taskRole = taskRole(annotations);
    String capacityProvider = capacityProvider(annotations);
    Set<String> emptyDirs = emptyDirs(pod.getSpec().getVolumes());
    RegisterTaskDefinitionRequest.Builder request =
        RegisterTaskDefinitionRequest.builder()
            .requiresCompatibilities(Compatibility.FARGATE)
            .networkMode(NetworkMode.AWSVPC)
            .runtimePlatform(
                p ->
                    p.operatingSystemFamily(OSFamily.LINUX).cpuArchitecture(CPUArchitecture.X86_64))
            .cpu(Integer.toString(sizing.size().cpuUnits()))
            .memory(Integer.toString(sizing.size().memoryMiB()))
            .executionRoleArn(config.executionRoleArn().orElse(null))
            .taskRoleArn(taskRole.orElse(null))
            .volumes(emptyDirs.stream().map(n -> Volume.builder().name(n).build()).toList())
            .containerDefinitions(
                ContainerDefinitions.map(pod.getSpec(), config, sizing.size(), emptyDirs));
    sizing.ephemeralStorageGiB().ifPresent(gib -> request.ephemeralStorage(e -> e.sizeInGiB(gib)));
    // The hash covers everything but the family, so equal specs land in one family and revision.
    String hash = FamilyNames.sha256(request.build().toString()).substring(0, 12);
    String family =
        FamilyNames.family(
            config.nodeIdentity(), pod.getMetadata().getNamespace(), base(pod.getMetadata()), hash);
    return new TaskPlan(family, request.family(family).build(), sizing.size(), capacityProvider);
  }

  private Optional<String> taskRole(Map<String, String> annotations) throws ProviderException {
    for (String key : List.of(PodAnnotations.TASK_ROLE, PodAnnotations.IRSA_ROLE)) {
      String value = annotations.get(key);
      if (value != null) {
        if (!ROLE.matcher(value).matches()) {
          throw ProviderException.invalid(
              "metadata.annotations[" + key + "]: '" + value + "' is not an IAM role ARN");
        }
        return Optional.of(value);
      }
    }
    return config.defaultTaskRoleArn();
  }

  private String capacityProvider(Map<String, String> annotations) throws ProviderException {
    String value = annotations.get(PodAnnotations.CAPACITY_PROVIDER);
    if (value == null) {
      return config.defaultCapacityProvider();
    }
    String upper = value.toUpperCase();
    if (!upper.equals("FARGATE") && !upper.equals("FARGATE_SPOT")) {
      throw ProviderException.invalid(
          "metadata.annotations["
              + PodAnnotations.CAPACITY_PROVIDER
              + "]: must be FARGATE or FARGATE_SPOT, not '"
              + value
              + "'");
    }
    return upper;
  }

  private static Set<String> emptyDirs(List<V1Volume> volumes) {
    Set<String> names = new LinkedHashSet<>();
    if (volumes != null) {
      volumes.stream().filter(v -> v.getEmptyDir() != null).forEach(v -> names.add(v.getName()));
    }
    return names;
  }

  private static Map<String, String> annotations(V1ObjectMeta meta) {
    return meta == null || meta.getAnnotations() == null ? Map.of() : meta.getAnnotations();
  }

  /** Replicas share their generateName ("web-7d9f8-"), so they share a family; else the name. */
  private static String base(V1ObjectMeta meta) {
    String generate = meta.getGenerateName();
    if (generate != null && !generate.isBlank()) {
      return generate.replaceAll("-+$", "");
    }
    return meta.getName();
  }
}
