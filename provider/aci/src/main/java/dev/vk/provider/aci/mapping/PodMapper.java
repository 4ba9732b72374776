package dev.vk.provider.aci.mapping;

import com.azure.resourcemanager.containerinstance.fluent.models.ContainerGroupInner;
import com.azure.resourcemanager.containerinstance.models.Container;
import com.azure.resourcemanager.containerinstance.models.ContainerGroupIdentity;
import com.azure.resourcemanager.containerinstance.models.ContainerGroupRestartPolicy;
import com.azure.resourcemanager.containerinstance.models.ImageRegistryCredential;
import com.azure.resourcemanager.containerinstance.models.InitContainerDefinition;
import com.azure.resourcemanager.containerinstance.models.OperatingSystemTypes;
import com.azure.resourcemanager.containerinstance.models.ResourceRequirements;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.aci.arm.GroupNames;
import dev.vk.provider.aci.arm.GroupTags;
import dev.vk.provider.aci.config.AciSettings;
import dev.vk.provider.aci.config.WorkloadSettings;
import dev.vk.provider.aci.registry.AcrPulls;
import dev.vk.provider.aci.registry.Entrypoints;
import dev.vk.provider.identity.IdentityAllowlist;
import dev.vk.provider.identity.IdentityPolicy;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A pod (environment already resolved by the node) to the container group that runs it. Refusals
 * are INVALID_INPUT naming the pod field, raised before anything reaches ARM. Thread-safe; blocks
 * only when {@link KubeObjects} does.
 */
public final class PodMapper {

  static final String OS_LABEL = "kubernetes.io/os";

  private final AciSettings.PodDefaults settings;
  private final String region;
  private final KubeObjects objects;
  private final ResourceMapper resources;
  private final IdentityPolicy identities;
  private final WorkloadSettings workload;
  private final Entrypoints entrypoints;

  /** A mapper that gives groups no managed identity a ServiceAccount does not name. */
  PodMapper(AciSettings.PodDefaults settings, String region, KubeObjects objects) {
    this(settings, region, objects, AciSettings.identities(IdentityAllowlist.EMPTY));
  }

  PodMapper(
      AciSettings.PodDefaults settings,
      String region,
      KubeObjects objects,
      IdentityPolicy identities) {
    this(settings, region, objects, identities, WorkloadSettings.NONE, Entrypoints.UNKNOWN);
  }

  /**
   * @param entrypoints where images' ENTRYPOINTs are looked up, for pods that give args only
   */
  public PodMapper(
      AciSettings.PodDefaults settings,
      String region,
      KubeObjects objects,
      IdentityPolicy identities,
      WorkloadSettings workload,
      Entrypoints entrypoints) {
    this.workload = workload;
    this.entrypoints = entrypoints;
    this.settings = settings;
    this.region = region;
    this.objects = objects;
    this.resources = new ResourceMapper(settings);
    this.identities = identities;
  }

  public String groupName(V1Pod pod) {
    return GroupNames.of(
        settings.clusterId(), pod.getMetadata().getNamespace(), pod.getMetadata().getName());
  }

  public ContainerGroupInner map(V1Pod pod) throws ProviderException {
    V1PodSpec spec = pod.getSpec();
    PodRejections.check(spec);
    ContainerGroupIdentity identity = GroupIdentity.of(pod, objects, identities);
    String os = os(pod);
    DnsMapper.Mapped dns = dns(pod);
    ObjectData data = new ObjectData(objects, pod.getMetadata().getNamespace());
    List<ImageRegistryCredential> credentials =
        RegistryCredentials.map(spec.getImagePullSecrets(), data);
    List<ImageRegistryCredential> acr =
        AcrPulls.credentials(pod, credentials, workload, identities);
    if (!acr.isEmpty()) {
      credentials = credentials == null ? new ArrayList<>() : new ArrayList<>(credentials);
      credentials.addAll(acr);
      identity = GroupIdentity.withUserAssigned(identity, workload.acrIdentity().orElseThrow());
    }
    ImageCommands commands = new ImageCommands(entrypoints, credentials);
    VolumeMapper.Mapped volumes = VolumeMapper.map(pod, data, os.equals("Windows"));
    Map<String, String> annotations = pod.getMetadata().getAnnotations();
    String gpuSku =
        annotations != null && annotations.containsKey(ResourceMapper.GPU_SKU_ANNOTATION)
            ? annotations.get(ResourceMapper.GPU_SKU_ANNOTATION)
            : settings.gpuSku();
    List<ResourceRequirements> requirements =
        resources.map(spec.getContainers(), gpuSku, !settings.subnetIds().isEmpty());
    List<Container> containers = new ArrayList<>();
    for (int i = 0; i < spec.getContainers().size(); i++) {
      containers.add(
          ContainerMapper.container(
              "spec.containers[" + i + "]",
              spec.getContainers().get(i),
              commands,
              requirements.get(i),
              volumes.names()));
    }
    List<InitContainerDefinition> inits = new ArrayList<>();
    List<V1Container> podInits =
        spec.getInitContainers() == null ? List.of() : spec.getInitContainers();
    for (int i = 0; i < podInits.size(); i++) {
      inits.add(
          ContainerMapper.init(
              "spec.initContainers[" + i + "]", podInits.get(i), commands, volumes.names()));
    }
    String name = groupName(pod);
    ContainerGroupInner group =
        new ContainerGroupInner()
            .withContainers(containers)
            .withInitContainers(inits.isEmpty() ? null : inits)
            .withOsType(OperatingSystemTypes.fromString(os))
            .withRestartPolicy(restartPolicy(spec))
            .withVolumes(volumes.volumes())
            .withImageRegistryCredentials(credentials)
            .withDnsConfig(dns.config())
            .withIpAddress(NetworkMapper.ipAddress(pod, name, settings))
            .withSubnetIds(NetworkMapper.subnets(settings));
    GroupOptions.apply(annotations, group);
    group.withIdentity(identity);
    group.withLocation(region);
    group.withTags(GroupTags.of(pod.getMetadata(), settings.nodeName(), settings.clusterId()));
    return group;
  }

  /**
   * Why the pod's ClusterFirst DNS fell back to Default, for a Warning Event, or empty. Pure.
   *
   * @throws ProviderException when the pod's DNS settings are refused
   */
  public Optional<String> dnsWarning(V1Pod pod) throws ProviderException {
    return Optional.ofNullable(dns(pod).warning());
  }

  private DnsMapper.Mapped dns(V1Pod pod) throws ProviderException {
    return DnsMapper.map(
        pod.getMetadata().getNamespace(), pod.getSpec(), workload, !settings.subnetIds().isEmpty());
  }

  /** A pod's {@code kubernetes.io/os} node selector picks the OS; the setting is the default. */
  private String os(V1Pod pod) throws ProviderException {
    Map<String, String> selector = pod.getSpec().getNodeSelector();
    String wanted = selector == null ? null : selector.get(OS_LABEL);
    if (wanted == null) {
      return settings.osType();
    }
    return switch (wanted) {
      case "linux" -> "Linux";
      case "windows" -> "Windows";
      default ->
          throw Rejection.of(
              "spec.nodeSelector[" + OS_LABEL + "]", "ACI runs linux or windows, not " + wanted);
    };
  }

  private static ContainerGroupRestartPolicy restartPolicy(V1PodSpec spec) {
    String policy = spec.getRestartPolicy() == null ? "Always" : spec.getRestartPolicy();
    return ContainerGroupRestartPolicy.fromString(policy);
  }
}
