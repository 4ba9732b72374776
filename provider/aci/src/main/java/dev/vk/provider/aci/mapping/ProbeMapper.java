package dev.vk.provider.aci.mapping;

import com.azure.resourcemanager.containerinstance.models.ContainerExec;
import com.azure.resourcemanager.containerinstance.models.ContainerHttpGet;
import com.azure.resourcemanager.containerinstance.models.ContainerProbe;
import com.azure.resourcemanager.containerinstance.models.HttpHeader;
import com.azure.resourcemanager.containerinstance.models.Scheme;
import dev.vk.kubelet.types.ProviderException;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1HTTPGetAction;
import io.kubernetes.client.openapi.models.V1Probe;
import java.util.List;

/** Exec and httpGet probes to ACI probes; named ports are resolved against the container's. */
final class ProbeMapper {

  private ProbeMapper() {}

  /** Null for no probe; others were refused by {@link PodRejections}. */
  static ContainerProbe map(String field, V1Probe probe, V1Container container)
      throws ProviderException {
    if (probe == null) {
      return null;
    }
    ContainerProbe out =
        new ContainerProbe()
            .withInitialDelaySeconds(probe.getInitialDelaySeconds())
            .withPeriodSeconds(probe.getPeriodSeconds())
            .withFailureThreshold(probe.getFailureThreshold())
            .withSuccessThreshold(probe.getSuccessThreshold())
            .withTimeoutSeconds(probe.getTimeoutSeconds());
    if (probe.getExec() != null) {
      return out.withExec(new ContainerExec().withCommand(probe.getExec().getCommand()));
    }
    V1HTTPGetAction get = probe.getHttpGet();
    if (get == null) {
      throw Rejection.of(field, "a probe needs exec or httpGet on ACI");
    }
    ContainerHttpGet http =
        new ContainerHttpGet()
            .withPath(get.getPath())
            .withPort(port(field + ".httpGet.port", get.getPort(), container))
            .withScheme("HTTPS".equalsIgnoreCase(get.getScheme()) ? Scheme.HTTPS : Scheme.HTTP);
    if (get.getHttpHeaders() != null && !get.getHttpHeaders().isEmpty()) {
      http.withHttpHeaders(
          get.getHttpHeaders().stream()
              .map(h -> new HttpHeader().withName(h.getName()).withValue(h.getValue()))
              .toList());
    }
    return out.withHttpGet(http);
  }

  private static int port(String field, IntOrString port, V1Container container)
      throws ProviderException {
    if (port == null) {
      throw Rejection.of(field, "a port is required");
    }
    if (port.isInteger()) {
      return port.getIntValue();
    }
    List<V1ContainerPort> ports = container.getPorts() == null ? List.of() : container.getPorts();
    return ports.stream()
        .filter(p -> port.getStrValue().equals(p.getName()))
        .map(V1ContainerPort::getContainerPort)
        .findFirst()
        .orElseThrow(
            () -> Rejection.of(field, "no container port is named \"" + port.getStrValue() + "\""));
  }
}
