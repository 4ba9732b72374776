package dev.vk.provider.fargate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.vk.emulator.ecs.EcsEmulator;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.fargate.FargateProvider;
import dev.vk.provider.testkit.EmulatorExtension;
import dev.vk.provider.testkit.Pods;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One StopTask per deleted pod. The node deletes a pod again while its task winds down (its own
 * retries, the orphan sweep once the API object is gone, a late watch event); none of those may
 * stop the task a second time. Only a StopTask that failed is asked again.
 */
@Timeout(120)
class DeleteCostIT {
  @RegisterExtension final EmulatorExtension<EcsEmulator> emulator = EmulatedFargate.extension();
  private static final int PODS = 10;
  private FargateProvider provider;

  @BeforeEach
  void start() {
    provider = EmulatedFargate.provider(emulator, "vk-delete", EmulatedFargate.settings(emulator));
  }

  @Test
  void deletingAgainWhileTheTaskStopsCallsNoSecondStopTask() throws Exception {
    List<V1Pod> pods = new ArrayList<>();
    for (int i = 0; i < PODS; i++) {
      V1Pod pod = Pods.pod("ns", Pods.uniqueName("d"));
      provider.createPod(pod);
      pods.add(pod);
    }
    EmulatedFargate.awaitReady(provider, PODS);
    emulator.get().calls().reset();

    for (V1Pod pod : pods) {
      provider.deletePod(pod);
      provider.deletePod(pod); // the node's retry, while the task is still stopping
    }
    for (V1Pod pod : provider.getPods()) {
      provider.deletePod(pod); // the orphan sweep: the API objects are gone, the tasks are not
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> emulator.get().calls().count("StopTask") >= PODS && provider.getPods().isEmpty());
    for (V1Pod pod : pods) {
      provider.deletePod(pod); // a late event after the task stopped
    }

    assertThat(emulator.get().calls().count("StopTask"))
        .as("StopTask calls for %d deleted pods", PODS)
        .isEqualTo(PODS);
  }

  @Test
  void aFailedStopTaskIsAskedAgainByTheNextDelete() throws Exception {
    V1Pod pod = Pods.pod("ns", "retry");
    provider.createPod(pod);
    EmulatedFargate.awaitReady(provider, 1);
    emulator.get().calls().reset();
    emulator.get().faults().errorNext("StopTask", 1, 400, "AccessDeniedException", "denied");

    assertThatThrownBy(() -> provider.deletePod(pod)).isInstanceOf(ProviderException.class);
    provider.deletePod(pod);
    provider.deletePod(pod);

    await().atMost(Duration.ofSeconds(30)).until(() -> provider.getPods().isEmpty());
    assertThat(emulator.get().calls().timeline("StopTask"))
        .as("the failed StopTask, then one that stopped the task")
        .extracting(c -> c.ok())
        .containsExactly(false, true);
  }
}
