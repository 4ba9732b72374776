package dev.vk.provider.fargate.mapping;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vk.kubelet.types.ProviderException;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Capabilities;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1EmptyDirVolumeSource;
import io.kubernetes.client.openapi.models.V1HostPathVolumeSource;
import io.kubernetes.client.openapi.models.V1PodDNSConfig;
import io.kubernetes.client.openapi.models.V1PodDNSConfigOption;
import io.kubernetes.client.openapi.models.V1PodOS;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import io.kubernetes.client.openapi.models.V1Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PodAdmissionTest {

  static Stream<Arguments> unsupported() {
    return Stream.of(
        row("spec.hostNetwork", s -> s.hostNetwork(true)),
        row("spec.hostPID", s -> s.hostPID(true)),
        row("spec.hostIPC", s -> s.hostIPC(true)),
        row("spec.os.name", s -> s.os(new V1PodOS().name("windows"))),
        row("spec.dnsPolicy", s -> s.dnsPolicy("None")),
        row(
            "spec.dnsConfig.nameservers",
            s -> s.dnsConfig(new V1PodDNSConfig().nameservers(List.of("10.96.0.10")))),
        row(
            "spec.dnsConfig.searches",
            s -> s.dnsConfig(new V1PodDNSConfig().searches(List.of("svc.cluster.local")))),
        row(
            "spec.dnsConfig.options",
            s ->
                s.dnsConfig(
                    new V1PodDNSConfig()
                        .options(List.of(new V1PodDNSConfigOption().name("ndots").value("2"))))),
        row(
            "spec.volumes[1].hostPath",
            s ->
                s.volumes(
                    List.of(
                        new V1Volume().name("ok").emptyDir(new V1EmptyDirVolumeSource()),
                        new V1Volume()
                            .name("h")
                            .hostPath(new V1HostPathVolumeSource().path("/"))))),
        row(
            "spec.containers[1].ports[0].hostPort",
            s ->
                s.getContainers()
                    .get(1)
                    .ports(List.of(new V1ContainerPort().containerPort(80).hostPort(80)))),
        row(
            "spec.containers[0].securityContext.privileged",
            s ->
                s.getContainers().get(0).securityContext(new V1SecurityContext().privileged(true))),
        row(
            "spec.containers[0].securityContext.capabilities.add",
            s ->
                s.getContainers()
                    .get(0)
                    .securityContext(
                        new V1SecurityContext()
                            .capabilities(new V1Capabilities().add(List.of("NET_ADMIN"))))),
        row(
            "spec.initContainers[0].securityContext.privileged",
            s ->
                s.initContainers(
                    List.of(
                        new V1Container()
                            .name("i")
                            .image("x")
                            .securityContext(new V1SecurityContext().privileged(true))))),
        row(
            "spec.containers[0].resources.limits.nvidia.com/gpu",
            s ->
                s.getContainers()
                    .get(0)
                    .resources(
                        new V1ResourceRequirements()
                            .limits(Map.of("nvidia.com/gpu", Quantity.fromString("1"))))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unsupported")
  void refusesNamingTheExactField(String field, Consumer<V1PodSpec> change) {
    V1PodSpec spec = spec();
    change.accept(spec);

    assertThatThrownBy(() -> PodAdmission.check(spec))
        .isInstanceOf(ProviderException.class)
        .hasMessageStartingWith(field + ": Fargate does not support");
  }

  @Test
  void acceptsTheDnsPoliciesTheVpcResolverServes() {
    for (String policy : List.of("ClusterFirst", "Default", "ClusterFirstWithHostNet")) {
      V1PodSpec spec = spec().dnsPolicy(policy).dnsConfig(new V1PodDNSConfig());
      assertThatCode(() -> PodAdmission.check(spec)).as(policy).doesNotThrowAnyException();
    }
  }

  @Test
  void acceptsAnOrdinaryPodAndSysPtrace() {
    V1PodSpec spec = spec();
    spec.getContainers()
        .get(0)
        .securityContext(
            new V1SecurityContext().capabilities(new V1Capabilities().add(List.of("SYS_PTRACE"))));
    assertThatCode(() -> PodAdmission.check(spec)).doesNotThrowAnyException();
  }

  private static V1PodSpec spec() {
    return new V1PodSpec()
        .containers(
            new ArrayList<>(
                List.of(
                    new V1Container().name("a").image("x"),
                    new V1Container().name("b").image("x"))));
  }

  private static Arguments row(String field, Consumer<V1PodSpec> change) {
    return Arguments.of(field, change);
  }
}
