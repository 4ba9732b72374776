package dev.vk.provider.aci.mapping;

import dev.vk.kubelet.types.ProviderException;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1Probe;
import java.util.List;

/**
 * Refuses, before anything reaches ARM, the pod features ACI has no equivalent for: host
 * namespaces, privileged containers, lifecycle hooks, startup probes, probes other than exec and
 * httpGet, and more containers than a group holds. Volume, resource and port limits are checked
 * where they are mapped. Pure and thread-safe.
 */
final class PodRejections {

  static final int MAX_CONTAINERS = 60;

  private PodRejections() {}

  static void check(V1PodSpec spec) throws ProviderException {
    if (Boolean.TRUE.equals(spec.getHostNetwork())) {
      throw Rejection.of("spec.hostNetwork", "ACI has no host network");
    }
    if (Boolean.TRUE.equals(spec.getHostPID())) {
      throw Rejection.of("spec.hostPID", "ACI has no host PID namespace");
    }
    if (Boolean.TRUE.equals(spec.getHostIPC())) {
      throw Rejection.of("spec.hostIPC", "ACI has no host IPC namespace");
    }
    List<V1Container> containers = orEmpty(spec.getContainers());
    if (containers.size() > MAX_CONTAINERS) {
      throw Rejection.of("spec.containers", "ACI allows at most " + MAX_CONTAINERS + " containers");
    }
    for (int i = 0; i < containers.size(); i++) {
      checkContainer("spec.containers[" + i + "]", containers.get(i), false);
    }
    List<V1Container> inits = orEmpty(spec.getInitContainers());
    for (int i = 0; i < inits.size(); i++) {
      checkContainer("spec.initContainers[" + i + "]", inits.get(i), true);
    }
  }

  private static void checkContainer(String field, V1Container c, boolean init)
      throws ProviderException {
    if (c.getSecurityContext() != null
        && Boolean.TRUE.equals(c.getSecurityContext().getPrivileged())) {
      throw Rejection.of(
          field + ".securityContext.privileged", "ACI runs no privileged containers");
    }
    if (c.getLifecycle() != null
        && (c.getLifecycle().getPostStart() != null || c.getLifecycle().getPreStop() != null)) {
      throw Rejection.of(field + ".lifecycle", "ACI has no postStart/preStop hooks");
    }
    if (c.getStartupProbe() != null) {
      // Folding it into the liveness probe's initial delay is not equivalent: a startup probe
      // ends as soon as it succeeds and allows up to failureThreshold * period, both unknown
      // before the container runs; dropping it would let liveness kill a slow starter.
      throw Rejection.of(
          field + ".startupProbe",
          "ACI has no startup probes, and a longer liveness initialDelaySeconds is not the same"
              + " (it waits the whole delay even when the container started early); remove it"
              + " and set livenessProbe.initialDelaySeconds to the startup time you expect");
    }
    if (init) {
      if (c.getPorts() != null && !c.getPorts().isEmpty()) {
        throw Rejection.of(field + ".ports", "ACI init containers cannot open ports");
      }
      if (c.getLivenessProbe() != null || c.getReadinessProbe() != null) {
        throw Rejection.of(field + ".livenessProbe", "ACI init containers have no probes");
      }
      return;
    }
    checkProbe(field + ".livenessProbe", c.getLivenessProbe());
    checkProbe(field + ".readinessProbe", c.getReadinessProbe());
  }

  private static void checkProbe(String field, V1Probe probe) throws ProviderException {
    if (probe == null) {
      return;
    }
    if (probe.getTcpSocket() != null) {
      // An exec probe could open the port only with a tool the image may lack; never guessed.
      throw Rejection.of(
          field + ".tcpSocket",
          "ACI probes are exec or httpGet only; use an httpGet or exec probe instead");
    }
    if (probe.getGrpc() != null) {
      throw Rejection.of(field + ".grpc", "ACI probes are exec or httpGet only");
    }
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
