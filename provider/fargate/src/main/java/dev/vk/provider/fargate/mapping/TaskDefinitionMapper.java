package dev.vk.provider.fargate.mapping;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.identity.IdentityPolicy;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1Volume;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ecs.model.CPUArchitecture;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.OSFamily;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Volume;

/**
 * Turns a pod into a {@link TaskPlan}: admission, sizing, container definitions (with the {@link
 * VolumeHelper} when the pod has {@link FileVolumes}) and the content-addressed family. Pure: no
 * AWS calls, so it is tested with tables.
 */
public final class TaskDefinitionMapper {
  private static final Pattern ROLE = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/.+");
  private final MappingConfig config;

  public TaskDefinitionMapper(MappingConfig config) {
    this.config = config;
  }

  /** The prefix of every family this mapper names, for cleanup. */
  public String familyPrefix() {
    return FamilyNames.familyPrefix(config.nodeIdentity());
  }

  /** Plans a pod that needs nothing read from Kubernetes. */
  public TaskPlan plan(V1Pod pod) throws ProviderException {
    return plan(pod, PodInputs.NONE);
  }

  /**
   * Plans the pod's task.
   *
   * @param inputs what was read from Kubernetes for this pod
   * @throws ProviderException INVALID_INPUT naming the field when Fargate cannot run the pod
   */
  public TaskPlan plan(V1Pod pod, PodInputs inputs) throws ProviderException {
    if (pod.getSpec() == null
        || pod.getSpec().getContainers() == null
        || pod.getSpec().getContainers().isEmpty()) {
      throw ProviderException.invalid("spec.containers: a pod needs at least one container");
    }
    PodAdmission.check(pod.getSpec());
    PodSizing.Sizing sizing = PodSizing.size(pod.getSpec());
    Map<String, String> annotations = annotations(pod.getMetadata());
    Optional<String> taskRole = taskRole(pod, annotations, inputs.serviceAccountRole());
    String capacityProvider = capacityProvider(annotations);
    // From here on the spec as registered: the same for every replica.
    StableVolumeNames.Renamed stable = StableVolumeNames.of(pod, inputs);
    V1PodSpec spec = stable.spec();
    Set<String> volumes = emptyDirs(spec.getVolumes());
    Map<String, String> fileVolumes = FileVolumes.fields(spec);
    FileVolumes.checkMounts(spec, fileVolumes.keySet());
    volumes.addAll(fileVolumes.keySet());
    Optional<VolumeHelper.Helper> helper = Optional.empty();
    List<ContainerDefinition> containers = new ArrayList<>();
    if (!fileVolumes.isEmpty()) {
      helper =
          Optional.of(VolumeHelper.build(spec, fileVolumes, stable.inputs().volumeFiles(), config));
      containers.add(helper.get().container());
    }
    containers.addAll(
        ContainerDefinitions.map(
            spec,
            config,
            sizing.size(),
            volumes,
            fileVolumes.keySet(),
            helper.map(h -> VolumeHelper.NAME)));
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
            // No host: Fargate's bind-mount volume, shared by the task's containers.
            .volumes(volumes.stream().map(n -> Volume.builder().name(n).build()).toList())
            .containerDefinitions(containers);
    sizing.ephemeralStorageGiB().ifPresent(gib -> request.ephemeralStorage(e -> e.sizeInGiB(gib)));
    // The hash covers everything but the family, so equal specs land in one family and revision.
    String hash = FamilyNames.contentHash(request.build());
    String family =
        FamilyNames.family(
            config.nodeIdentity(), pod.getMetadata().getNamespace(), base(pod.getMetadata()), hash);
    return new TaskPlan(
        family,
        request.family(family).build(),
        sizing.size(),
        capacityProvider,
        helper.flatMap(VolumeHelper.Helper::overrides));
  }

  /**
   * The task role: the one the pod's ServiceAccount names (as EKS's IRSA does), if the {@link
   * IdentityPolicy} allows it, else the node's default. The pod's own annotations may only repeat
   * the ServiceAccount's role (or the default); they never choose one on their own.
   */
  private Optional<String> taskRole(
      V1Pod pod, Map<String, String> annotations, Optional<String> account)
      throws ProviderException {
    String namespace = pod.getMetadata().getNamespace();
    String name = pod.getSpec().getServiceAccountName();
    String serviceAccount = name == null || name.isBlank() ? "default" : name;
    Set<String> fromPod = new LinkedHashSet<>();
    List<String> podKeys = new ArrayList<>();
    for (String key : List.of(PodAnnotations.TASK_ROLE, PodAnnotations.IRSA_ROLE)) {
      String value = annotations.get(key);
      if (value != null) {
        fromPod.add(role("metadata.annotations[" + key + "]", value));
        podKeys.add("metadata.annotations[" + key + "]");
      }
    }
    if (fromPod.size() > 1) {
      throw ProviderException.invalid(
          String.join(" and ", podKeys) + ": name different roles; a task has one");
    }
    String accountField =
        "serviceaccount "
            + namespace
            + "/"
            + serviceAccount
            + " annotation "
            + PodAnnotations.IRSA_ROLE;
    Set<String> fromAccount = new LinkedHashSet<>();
    if (account.isPresent()) {
      fromAccount.add(role(accountField, account.get()));
    }
    Set<String> chosen =
        config
            .identities()
            .decide(
                namespace,
                serviceAccount,
                new IdentityPolicy.Named(accountField, fromAccount),
                new IdentityPolicy.Named(String.join(" and ", podKeys), fromPod));
    return chosen.isEmpty() ? config.defaultTaskRoleArn() : chosen.stream().findFirst();
  }

  private static String role(String field, String value) throws ProviderException {
    if (!ROLE.matcher(value).matches()) {
      throw ProviderException.invalid(field + ": '" + value + "' is not an IAM role ARN");
    }
    return value;
  }

  private String capacityProvider(Map<String, String> annotations) throws ProviderException {
    String value = annotations.get(PodAnnotations.CAPACITY_PROVIDER);
    if (value == null) {
      return config.defaultCapacityProvider();
    }
    String upper = value.toUpperCase(Locale.ROOT);
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
