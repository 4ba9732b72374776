package dev.vk.provider.fargate.mapping;

import dev.vk.kubelet.types.ProviderException;
import io.kubernetes.client.openapi.models.V1Capabilities;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1PodDNSConfig;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import io.kubernetes.client.openapi.models.V1Volume;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Refuses pods Fargate cannot run before anything reaches ECS, with the exact field in the message
 * (the rules of EKS's fargate-scheduler, "Pod not supported on Fargate"). Sizing limits are checked
 * by {@link PodSizing}.
 */
public final class PodAdmission {
  /** The only capability Fargate lets a container add. */
  public static final String SYS_PTRACE = "SYS_PTRACE";

  private static final Set<String> RESOURCES = Set.of("cpu", "memory", "ephemeral-storage");

  private PodAdmission() {}

  /**
   * Checks the pod.
   *
   * @throws ProviderException INVALID_INPUT whose message starts with the offending field
   */
  public static void check(V1PodSpec spec) throws ProviderException {
    refuseIf(Boolean.TRUE.equals(spec.getHostNetwork()), "spec.hostNetwork", "host networking");
    refuseIf(Boolean.TRUE.equals(spec.getHostPID()), "spec.hostPID", "the host PID namespace");
    refuseIf(Boolean.TRUE.equals(spec.getHostIPC()), "spec.hostIPC", "the host IPC namespace");
    refuseIf(
        spec.getOs() != null && !"linux".equalsIgnoreCase(spec.getOs().getName()),
        "spec.os.name",
        "operating systems other than linux");
    dns(spec);
    List<V1Volume> volumes = spec.getVolumes() == null ? List.of() : spec.getVolumes();
    for (int i = 0; i < volumes.size(); i++) {
      checkVolume(volumes.get(i), "spec.volumes[" + i + "]");
    }
    containers(spec.getInitContainers(), "spec.initContainers");
    containers(spec.getContainers(), "spec.containers");
  }

  /**
   * Fargate tasks resolve through the VPC's resolver: ECS refuses {@code dnsServers} and {@code
   * dnsSearchDomains} for Fargate (awsvpc) tasks, so a pod that asks for its own resolver setup
   * cannot get it. ClusterFirst pods run with the VPC resolver; docs/providers/fargate.md says so.
   */
  private static void dns(V1PodSpec spec) throws ProviderException {
    refuseIf(
        "None".equals(spec.getDnsPolicy()),
        "spec.dnsPolicy",
        "dnsPolicy None (tasks use the VPC resolver; ECS accepts no dnsServers on Fargate)");
    V1PodDNSConfig dns = spec.getDnsConfig();
    if (dns != null) {
      refuseIf(
          dns.getNameservers() != null && !dns.getNameservers().isEmpty(),
          "spec.dnsConfig.nameservers",
          "custom nameservers (ECS accepts no dnsServers on Fargate)");
      refuseIf(
          dns.getSearches() != null && !dns.getSearches().isEmpty(),
          "spec.dnsConfig.searches",
          "custom search domains (ECS accepts no dnsSearchDomains on Fargate)");
      refuseIf(
          dns.getOptions() != null && !dns.getOptions().isEmpty(),
          "spec.dnsConfig.options",
          "resolver options (tasks use the VPC resolver's defaults)");
    }
  }

  private static void checkVolume(V1Volume v, String field) throws ProviderException {
    refuseIf(v.getHostPath() != null, field + ".hostPath", "hostPath volumes");
    refuseIf(
        v.getPersistentVolumeClaim() != null,
        field + ".persistentVolumeClaim",
        "persistent volumes");
    refuseIf(v.getCsi() != null, field + ".csi", "CSI inline volumes");
    refuseIf(v.getNfs() != null, field + ".nfs", "NFS volumes (use EFS through ECS)");
    refuseIf(v.getIscsi() != null, field + ".iscsi", "iSCSI volumes");
    refuseIf(v.getEphemeral() != null, field + ".ephemeral", "generic ephemeral volumes");
  }

  private static void containers(List<V1Container> list, String path) throws ProviderException {
    if (list == null) {
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      container(list.get(i), path + "[" + i + "]");
    }
  }

  private static void container(V1Container c, String field) throws ProviderException {
    List<V1ContainerPort> ports = c.getPorts() == null ? List.of() : c.getPorts();
    for (int j = 0; j < ports.size(); j++) {
      V1ContainerPort port = ports.get(j);
      refuseIf(
          port.getHostPort() != null && port.getHostPort() != 0,
          field + ".ports[" + j + "].hostPort",
          "host ports");
      refuseIf(
          port.getHostIP() != null && !port.getHostIP().isEmpty(),
          field + ".ports[" + j + "].hostIP",
          "host IPs");
    }
    V1SecurityContext sc = c.getSecurityContext();
    if (sc != null) {
      refuseIf(
          Boolean.TRUE.equals(sc.getPrivileged()),
          field + ".securityContext.privileged",
          "privileged containers");
      V1Capabilities caps = sc.getCapabilities();
      for (String cap : caps == null || caps.getAdd() == null ? List.<String>of() : caps.getAdd()) {
        String name = cap.toUpperCase(Locale.ROOT).replaceFirst("^CAP_", "");
        refuseIf(
            !SYS_PTRACE.equals(name),
            field + ".securityContext.capabilities.add",
            "adding capability " + cap + " (only SYS_PTRACE)");
      }
    }
    V1ResourceRequirements r = c.getResources();
    if (r != null) {
      extended(r.getRequests(), field + ".resources.requests");
      extended(r.getLimits(), field + ".resources.limits");
    }
  }

  private static void extended(Map<String, ?> map, String field) throws ProviderException {
    for (String name : map == null ? Set.<String>of() : map.keySet()) {
      refuseIf(
          !RESOURCES.contains(name),
          field + "." + name,
          "resource " + name + " (no GPUs or extended resources)");
    }
  }

  private static void refuseIf(boolean condition, String field, String what)
      throws ProviderException {
    if (condition) {
      throw ProviderException.invalid(field + ": Fargate does not support " + what);
    }
  }
}
