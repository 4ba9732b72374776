package dev.vk.provider.fargate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.vk.emulator.ecs.EcsEmulator;
import dev.vk.kubelet.types.ContainerRef;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.RateLimitListener;
import dev.vk.provider.fargate.FargateProvider;
import dev.vk.provider.fargate.VolumePods;
import dev.vk.provider.testkit.EmulatorExtension;
import dev.vk.provider.testkit.PodStatuses;
import dev.vk.provider.testkit.Pods;
import dev.vk.provider.testkit.TestStreams;
import dev.vk.provider.testkit.TestingKubernetesAccess;
import io.kubernetes.client.openapi.models.V1ConfigMapVolumeSource;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Volume;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** configMap, secret and service-account volumes written by the vk-volumes container. */
@Timeout(60)
class FileVolumesIT {
  private final TestingKubernetesAccess kube =
      new TestingKubernetesAccess()
          .configMap("ns", "app-config", Map.of("greeting", "hello from a ConfigMap"))
          .configMap("ns", "kube-root-ca.crt", Map.of("ca.crt", "-----BEGIN CERTIFICATE-----"))
          .secret("ns", "db", Map.of("password", "s3cret".getBytes(StandardCharsets.UTF_8)));
  @RegisterExtension final EmulatorExtension<EcsEmulator> emulator = EmulatedFargate.extension();
  private FargateProvider provider;

  @BeforeEach
  void start() {
    provider =
        EmulatedFargate.provider(
            emulator,
            "vk-volumes-it",
            EmulatedFargate.settings(emulator),
            kube,
            RateLimitListener.NONE);
  }

  @Test
  void appContainerReadsTheFilesTheHelperWrote() throws Exception {
    V1Pod pod = createWithVolumes("Never");
    String name = pod.getMetadata().getName();
    awaitPod(name, p -> PodStatuses.isTrue(p, "Ready"));
    ContainerRef app = ContainerRef.of("ns", name, "app");

    assertThat(cat(app, "/etc/config/greeting")).isEqualTo("hello from a ConfigMap");
    assertThat(cat(app, "/etc/creds/db/password")).isEqualTo("s3cret");
    String token = TestingKubernetesAccess.token(pod, null, Duration.ofSeconds(3607));
    assertThat(cat(app, VolumePods.TOKEN_DIR + "/token")).isEqualTo(token);
    assertThat(cat(app, VolumePods.TOKEN_DIR + "/namespace")).isEqualTo("ns");
    assertThat(cat(app, VolumePods.TOKEN_DIR + "/ca.crt")).isEqualTo("-----BEGIN CERTIFICATE-----");
    assertThat(kube.tokenRequests).containsExactly(name + " null 3607");
    // Mounted read-only, as the kubelet mounts them.
    assertThat(run(app, List.of("sh", "-c", "echo x > /etc/config/new")))
        .isEqualTo("sh: can't create /etc/config/new: Read-only file system\n");
  }

  @Test
  void aReplacementTaskGetsTheSameFiles() throws Exception {
    V1Pod pod = createWithVolumes("Always");
    String name = pod.getMetadata().getName();
    V1Pod running = awaitPod(name, p -> PodStatuses.isTrue(p, "Ready"));

    emulator
        .get()
        .faults()
        .stopTask(RestartIT.taskId(running), "SpotInterruption", "Your Spot Task was interrupted.");

    awaitPod(name, p -> PodStatuses.restartCount(p, "app") == 1 && PodStatuses.isTrue(p, "Ready"));
    ContainerRef app = ContainerRef.of("ns", name, "app");
    assertThat(cat(app, "/etc/config/greeting")).isEqualTo("hello from a ConfigMap");
    String token = TestingKubernetesAccess.token(pod, null, Duration.ofSeconds(3607));
    assertThat(cat(app, VolumePods.TOKEN_DIR + "/token")).isEqualTo(token);
    // Carried over from the stopped task, not asked for again.
    assertThat(kube.tokenRequests).containsExactly(name + " null 3607");
  }

  @Test
  void missingMandatoryConfigMapIsUnavailableNamingTheField() {
    V1Pod pod = Pods.pod("ns", Pods.uniqueName("files"));
    pod.getSpec()
        .volumes(
            List.of(
                new V1Volume().name("cfg").configMap(new V1ConfigMapVolumeSource().name("later"))));

    assertThatThrownBy(() -> provider.createPod(pod))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE))
        .hasMessage("spec.volumes[0].configMap: ConfigMap \"ns/later\" not found");
  }

  /** Creates a pod with every kind of file volume (VolumePods). */
  private V1Pod createWithVolumes(String restartPolicy) throws ProviderException {
    V1Pod pod = Pods.pod("ns", Pods.uniqueName("files"));
    pod.getSpec().setRestartPolicy(restartPolicy);
    VolumePods.addVolumes(pod.getSpec());
    provider.createPod(pod);
    return pod;
  }

  private V1Pod awaitPod(String name, Predicate<V1Pod> condition) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> provider.getPod("ns", name), p -> p.filter(condition).isPresent())
        .orElseThrow();
  }

  private String cat(ContainerRef app, String path) throws Exception {
    return run(app, List.of("cat", path));
  }

  private String run(ContainerRef app, List<String> argv) throws Exception {
    TestStreams io = TestStreams.outputOnly();
    provider.exec(app, argv, io).toCompletableFuture().get(20, TimeUnit.SECONDS);
    return io.out();
  }
}
