package dev.vk.provider.fargate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vk.emulator.ecs.EcsEmulator;
import dev.vk.provider.fargate.FargateProvider;
import dev.vk.provider.testkit.EmulatorExtension;
import dev.vk.provider.testkit.PodStatuses;
import dev.vk.provider.testkit.Pods;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

/**
 * Task definitions no pod uses any more are deregistered; those in use, and those of another node
 * whose families share the prefix, are kept. (Cleanup runs every 12 status intervals: 3.6 s here.)
 */
@Timeout(90)
class TaskDefinitionCleanupIT {
  @RegisterExtension final EmulatorExtension<EcsEmulator> emulator = EmulatedFargate.extension();
  private FargateProvider provider;
  private EcsClient ecs;

  @BeforeEach
  void start() {
    provider = EmulatedFargate.provider(emulator, "vk-clean", EmulatedFargate.settings(emulator));
    ecs = EmulatedFargate.ecsClient(emulator);
  }

  @Test
  void aDeletedPodsRevisionIsDeregisteredOthersStay() throws Exception {
    V1Pod gone = Pods.pod("ns", "gone");
    V1Pod kept = Pods.pod("ns", "kept");
    provider.createPod(gone);
    provider.createPod(kept);
    awaitReady(gone);
    awaitReady(kept);
    // Another node, "vk-clean-b", registers families that start with this node's prefix.
    String foreign =
        ecs.registerTaskDefinition(
                r ->
                    r.family("vk-vk-clean-b-ns-web-0123456789ab")
                        .requiresCompatibilities(Compatibility.FARGATE)
                        .networkMode(NetworkMode.AWSVPC)
                        .cpu("256")
                        .memory("512")
                        .containerDefinitions(
                            ContainerDefinition.builder().name("app").image("busybox").build()))
            .taskDefinition()
            .taskDefinitionArn();
    String goneFamily = family("vk-vk-clean-ns-gone-");
    String keptFamily = family("vk-vk-clean-ns-kept-");

    provider.deletePod(gone);
    await("the deleted pod's task gone")
        .atMost(Duration.ofSeconds(20))
        .until(() -> provider.getPod("ns", "gone").isEmpty());

    await("the unused revision deregistered")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> active().stream().noneMatch(a -> a.contains("/" + goneFamily + ":")));
    assertThat(active())
        .as("in use, and not ours")
        .anySatisfy(a -> assertThat(a).contains("/" + keptFamily + ":"))
        .contains(foreign);
    assertThat(provider.getPod("ns", "kept").orElseThrow().getStatus().getPhase())
        .isEqualTo("Running");

    V1Pod again = Pods.pod("ns", "gone");
    provider.createPod(again);
    V1Pod running = awaitReady(again);
    assertThat(running.getStatus().getPhase())
        .as("the same spec registers its family again")
        .isEqualTo("Running");
  }

  private List<String> active() {
    return ecs.listTaskDefinitions(r -> r.familyPrefix("vk-").status(TaskDefinitionStatus.ACTIVE))
        .taskDefinitionArns();
  }

  private String family(String prefix) {
    return active().stream()
        .map(a -> a.substring(a.lastIndexOf('/') + 1, a.lastIndexOf(':')))
        .filter(f -> f.startsWith(prefix))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no family " + prefix + "* in " + active()));
  }

  private V1Pod awaitReady(V1Pod pod) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> provider.getPod("ns", pod.getMetadata().getName()),
            p -> p.filter(x -> PodStatuses.isTrue(x, "Ready")).isPresent())
        .orElseThrow();
  }
}
