package dev.vk.provider.aci.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.resourcemanager.containerinstance.fluent.models.ContainerGroupInner;
import com.azure.resourcemanager.containerinstance.models.Container;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.aci.arm.GroupNames;
import dev.vk.provider.aci.config.AciSettings;
import dev.vk.provider.testkit.Pods;
import dev.vk.provider.testkit.Volumes;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Capabilities;
import io.kubernetes.client.openapi.models.V1EmptyDirVolumeSource;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1ExecAction;
import io.kubernetes.client.openapi.models.V1HTTPGetAction;
import io.kubernetes.client.openapi.models.V1HostPathVolumeSource;
import io.kubernetes.client.openapi.models.V1Lifecycle;
import io.kubernetes.client.openapi.models.V1LifecycleHandler;
import io.kubernetes.client.openapi.models.V1LocalObjectReference;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1ProjectedVolumeSource;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.openapi.models.V1SecretVolumeSource;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import io.kubernetes.client.openapi.models.V1ServiceAccountTokenProjection;
import io.kubernetes.client.openapi.models.V1TCPSocketAction;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import io.kubernetes.client.openapi.models.V1VolumeProjection;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The pod to container group mapping, field by field, and the refusals with their field names. */
class PodMapperTest {

  private static final AciSettings.PodDefaults DEFAULTS =
      new AciSettings.PodDefaults(
          "Linux", 1.0, 1.5, 4, 16, List.of(), "annotation", "V100", "cluster-1", "vk-node");

  private final PodMapper mapper = new PodMapper(DEFAULTS, "westeurope", KubeObjects.NONE);

  static Stream<Arguments> refusals() {
    return Stream.of(
        refusal("spec.hostNetwork", p -> p.getSpec().setHostNetwork(true)),
        refusal("spec.hostPID", p -> p.getSpec().setHostPID(true)),
        refusal("spec.hostIPC", p -> p.getSpec().setHostIPC(true)),
        refusal(
            "spec.containers[0].securityContext.privileged",
            p ->
                app(p)
                    .securityContext(
                        new V1SecurityContext()
                            .privileged(true)
                            .capabilities(new V1Capabilities()))),
        refusal(
            "spec.containers[0].lifecycle",
            p -> app(p).lifecycle(new V1Lifecycle().preStop(new V1LifecycleHandler()))),
        refusal("spec.containers[0].startupProbe", p -> app(p).startupProbe(new V1Probe())),
        refusal(
            "spec.containers[0].livenessProbe.tcpSocket",
            p -> app(p).livenessProbe(new V1Probe().tcpSocket(new V1TCPSocketAction()))),
        refusal("spec.containers[0].args", p -> app(p).command(null).args(List.of("x"))),
        refusal(
            "spec.volumes[0].hostPath",
            p ->
                p.getSpec()
                    .addVolumesItem(
                        new V1Volume().name("h").hostPath(new V1HostPathVolumeSource().path("/")))),
        refusal(
            "spec.volumes[0].secret",
            p ->
                p.getSpec()
                    .addVolumesItem(
                        new V1Volume()
                            .name("s")
                            .secret(new V1SecretVolumeSource().secretName("s")))),
        refusal(
            "spec.imagePullSecrets[0]",
            p -> p.getSpec().addImagePullSecretsItem(new V1LocalObjectReference().name("reg"))),
        refusal(
            "spec.containers[0].resources.requests.cpu",
            p ->
                app(p)
                    .resources(
                        new V1ResourceRequirements()
                            .putRequestsItem("cpu", Quantity.fromString("5")))),
        refusal(
            "spec.containers[0].resources.requests.memory",
            p ->
                app(p)
                    .resources(
                        new V1ResourceRequirements()
                            .putRequestsItem("memory", Quantity.fromString("17G")))),
        refusal(
            "spec.nodeSelector[kubernetes.io/os]",
            p -> p.getSpec().putNodeSelectorItem("kubernetes.io/os", "plan9")),
        refusal(
            "metadata.annotations[azure.vk.dev/priority]",
            p -> p.getMetadata().putAnnotationsItem("azure.vk.dev/priority", "Cheap")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void podsAciCannotRunAreRefusedNamingTheField(String field, Consumer<V1Pod> change) {
    V1Pod pod = pod();
    change.accept(pod);

    assertThatThrownBy(() -> mapper.map(pod))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID_INPUT))
        .hasMessageStartingWith(field + ":");
  }

  @Test
  void mapsIdentityCommandEnvAndDefaults() throws Exception {
    V1Pod pod = pod();
    app(pod).args(List.of("--flag")).env(List.of(new V1EnvVar().name("TOKEN").value("s3cret")));

    ContainerGroupInner group = mapper.map(pod);

    Container c = group.containers().get(0);
    assertThat(group.location()).isEqualTo("westeurope");
    assertThat(group.osType().toString()).isEqualTo("Linux");
    assertThat(group.restartPolicy().toString()).isEqualTo("Always");
    assertThat(group.tags())
        .containsEntry("pod-uid", pod.getMetadata().getUid())
        .containsEntry("pod-namespace", "team")
        .containsEntry("pod-name", "web")
        .containsEntry("node-name", "vk-node")
        .containsEntry("cluster-id", "cluster-1");
    assertThat(c.command()).containsExactly("sleep", "3600", "--flag");
    assertThat(c.environmentVariables().get(0).secureValue()).isEqualTo("s3cret");
    assertThat(c.environmentVariables().get(0).value()).isNull();
    assertThat(c.resources().requests().cpu()).isEqualTo(1.0);
    assertThat(c.resources().requests().memoryInGB()).isEqualTo(1.5);
    assertThat(group.ipAddress()).as("no ports, no VNet: no IP").isNull();
  }

  @Test
  void roundsResourcesUpToAciStepsAndClampsLimitsToTheGroupTotal() throws Exception {
    V1Pod pod = pod();
    app(pod)
        .resources(
            new V1ResourceRequirements()
                .putRequestsItem("cpu", Quantity.fromString("250m"))
                .putRequestsItem("memory", Quantity.fromString("1Gi"))
                .putLimitsItem("cpu", Quantity.fromString("3"))
                .putLimitsItem("memory", Quantity.fromString("1Gi"))
                .putLimitsItem("nvidia.com/gpu", Quantity.fromString("1")));

    Container c = mapper.map(pod).containers().get(0);

    assertThat(c.resources().requests().cpu()).isEqualTo(0.25);
    assertThat(c.resources().requests().memoryInGB()).as("1Gi = 1.07 GB, up to 1.1").isEqualTo(1.1);
    assertThat(c.resources().limits().cpu()).as("limit above the group's request").isEqualTo(0.25);
    assertThat(c.resources().requests().gpu().count()).isEqualTo(1);
    assertThat(c.resources().requests().gpu().sku().toString()).isEqualTo("V100");
  }

  @Test
  void mapsProbesPortsPublicIpAndAnnotations() throws Exception {
    V1Pod pod = pod();
    pod.getMetadata()
        .putAnnotationsItem("virtualkubelet.io/dnsnamelabel", "web-label")
        .putAnnotationsItem("azure.vk.dev/priority", "Spot")
        .putAnnotationsItem("virtual-kubelet.io/container-sku", "Confidential");
    app(pod)
        .addPortsItem(
            new io.kubernetes.client.openapi.models.V1ContainerPort()
                .name("http")
                .containerPort(8080))
        .livenessProbe(
            new V1Probe()
                .httpGet(new V1HTTPGetAction().path("/healthz").port(new IntOrString("http"))))
        .readinessProbe(
            new V1Probe().exec(new V1ExecAction().command(List.of("true"))).periodSeconds(5));

    ContainerGroupInner group = mapper.map(pod);

    Container c = group.containers().get(0);
    assertThat(c.livenessProbe().httpGet().port()).isEqualTo(8080);
    assertThat(c.readinessProbe().exec().command()).containsExactly("true");
    assertThat(c.readinessProbe().periodSeconds()).isEqualTo(5);
    assertThat(group.ipAddress().type().toString()).isEqualTo("Public");
    assertThat(group.ipAddress().ports()).extracting(p -> p.port()).containsExactly(8080);
    assertThat(group.ipAddress().dnsNameLabel()).isEqualTo("web-label");
    assertThat(group.priority().toString()).isEqualTo("Spot");
    assertThat(group.sku().toString()).isEqualTo("Confidential");
  }

  @Test
  void secretVolumesAndPullSecretsUseTheObjectLookupWhenThereIsOne() throws Exception {
    String docker = "{\"auths\":{\"https://reg.example.com/v2/\":{\"auth\":\"dXNlcjpwYXNz\"}}}";
    KubeObjects objects =
        new FixedObjects(
            Map.of(
                "s", Map.of("key", "value".getBytes(StandardCharsets.UTF_8)),
                "reg", Map.of(".dockerconfigjson", docker.getBytes(StandardCharsets.UTF_8))));
    PodMapper withObjects = new PodMapper(DEFAULTS, "westeurope", objects);
    V1Pod pod = pod();
    pod.getSpec()
        .addVolumesItem(new V1Volume().name("s").secret(new V1SecretVolumeSource().secretName("s")))
        .addImagePullSecretsItem(new V1LocalObjectReference().name("reg"));

    ContainerGroupInner group = withObjects.map(pod);

    assertThat(group.volumes().get(0).secret()).containsEntry("key", "dmFsdWU=");
    assertThat(group.imageRegistryCredentials().get(0).server()).isEqualTo("reg.example.com");
    assertThat(group.imageRegistryCredentials().get(0).username()).isEqualTo("user");
    assertThat(group.imageRegistryCredentials().get(0).password()).isEqualTo("pass");
  }

  @Test
  void theDefaultKubeApiAccessVolumeCarriesATokenBoundToThePod() throws Exception {
    PodMapper withObjects = new PodMapper(DEFAULTS, "westeurope", new FixedObjects(Map.of()));
    V1Pod pod = pod();
    pod.getSpec().addVolumesItem(Volumes.kubeApiAccess("kube-api-access-x1"));

    Map<String, String> files = withObjects.map(pod).volumes().get(0).secret();

    assertThat(decode(files.get("token"))).isEqualTo("web|null|3607");
    assertThat(decode(files.get("namespace"))).isEqualTo("team");
  }

  @Test
  void withoutKubernetesTheTokenIsLeftOutAndAnEmptyProjectionDropped() throws Exception {
    V1Pod pod = pod();
    pod.getSpec()
        .addVolumesItem(
            new V1Volume()
                .name("kube-api-access-x1")
                .projected(
                    new V1ProjectedVolumeSource()
                        .addSourcesItem(
                            new V1VolumeProjection()
                                .serviceAccountToken(
                                    new V1ServiceAccountTokenProjection().path("token")))));

    assertThat(mapper.map(pod).volumes()).isNull();
  }

  @Test
  void aWindowsNodeSelectorRunsTheGroupOnWindows() throws Exception {
    V1Pod pod = pod();
    pod.getSpec().putNodeSelectorItem("kubernetes.io/os", "windows");

    assertThat(mapper.map(pod).osType().toString()).isEqualTo("Windows");
  }

  @Test
  void secretVolumesAreRefusedOnWindowsNamingTheVolume() {
    PodMapper withObjects =
        new PodMapper(
            DEFAULTS, "westeurope", new FixedObjects(Map.of("s", FixedObjects.data("k", "v"))));
    V1Pod pod = pod();
    pod.getSpec()
        .putNodeSelectorItem("kubernetes.io/os", "windows")
        .addVolumesItem(new V1Volume().name("e").emptyDir(new V1EmptyDirVolumeSource()))
        .addVolumesItem(
            new V1Volume().name("s").secret(new V1SecretVolumeSource().secretName("s")));

    assertThatThrownBy(() -> withObjects.map(pod))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID_INPUT))
        .hasMessage("spec.volumes[1]: ACI has no secret volumes on Windows");
  }

  @Test
  void theDefaultServiceAccountVolumeIsLeftOutOnWindowsInsteadOfRefusingThePod() throws Exception {
    PodMapper withObjects = new PodMapper(DEFAULTS, "westeurope", new FixedObjects(Map.of()));
    V1Pod pod = pod();
    pod.getSpec()
        .putNodeSelectorItem("kubernetes.io/os", "windows")
        .addVolumesItem(
            new V1Volume()
                .name("kube-api-access-x1")
                .projected(
                    new V1ProjectedVolumeSource()
                        .addSourcesItem(
                            new V1VolumeProjection()
                                .serviceAccountToken(
                                    new V1ServiceAccountTokenProjection().path("token")))));
    app(pod)
        .addVolumeMountsItem(
            new V1VolumeMount()
                .name("kube-api-access-x1")
                .mountPath("/var/run/secrets/kubernetes.io/serviceaccount"));

    ContainerGroupInner group = withObjects.map(pod);

    assertThat(group.osType().toString()).isEqualTo("Windows");
    assertThat(group.volumes()).isNull();
    assertThat(group.containers().get(0).volumeMounts()).isNullOrEmpty();
  }

  @Test
  void aCcePolicyMakesTheGroupConfidentialWithThatPolicy() throws Exception {
    V1Pod pod = pod();
    pod.getMetadata()
        .putAnnotationsItem("virtual-kubelet.io/confidential-compute-cce-policy", "cGFja2FnZQ==");

    ContainerGroupInner group = mapper.map(pod);

    assertThat(group.sku().toString()).isEqualTo("Confidential");
    assertThat(group.confidentialComputeProperties().ccePolicy()).isEqualTo("cGFja2FnZQ==");
  }

  @Test
  void anUnknownSkuIsRefused() {
    V1Pod pod = pod();
    pod.getMetadata().putAnnotationsItem("virtual-kubelet.io/container-sku", "Dedicated");

    assertThatThrownBy(() -> mapper.map(pod))
        .hasMessage(
            "metadata.annotations[virtual-kubelet.io/container-sku]: must be Confidential or"
                + " Standard");
  }

  private static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }

  @Test
  void namesAreNamespaceDashPodShortenedWithAHashOfClusterAndPod() {
    assertThat(GroupNames.of("c1", "team", "web")).startsWith("team-web-").hasSize(19);
    assertThat(GroupNames.of("c1", "team", "web"))
        .as("two clusters sharing a resource group never choose the same name")
        .isNotEqualTo(GroupNames.of("c2", "team", "web"));
    String longName =
        GroupNames.of("c1", "a-very-long-namespace-name", "and-an-even-longer-pod-name-0123456789");
    assertThat(longName).hasSizeLessThanOrEqualTo(63).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    assertThat(longName)
        .isNotEqualTo(
            GroupNames.of(
                "c1", "a-very-long-namespace-name", "and-an-even-longer-pod-name-0123456788"));
    assertThat(GroupNames.of("c1", "team", "web.v1")).startsWith("team-web-v1-").hasSize(22);
    assertThat(GroupNames.of("c1", "team", "web.v1"))
        .isNotEqualTo(GroupNames.of("c1", "team", "web-v1"));
  }

  private static Arguments refusal(String field, Consumer<V1Pod> change) {
    return Arguments.of(field, change);
  }

  private static V1Pod pod() {
    V1Pod pod = Pods.pod("team", "web");
    return pod;
  }

  private static io.kubernetes.client.openapi.models.V1Container app(V1Pod pod) {
    return pod.getSpec().getContainers().get(0);
  }
}
