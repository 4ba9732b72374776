package dev.vk.provider.fargate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vk.emulator.ecs.EcsEmulator;
import dev.vk.emulator.ecs.fault.CallLog;
import dev.vk.provider.fargate.FargateProvider;
import dev.vk.provider.testkit.EmulatorExtension;
import dev.vk.provider.testkit.PodStatuses;
import dev.vk.provider.testkit.Pods;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With N steady tasks the task poller costs one ListTasks page per status interval (N <= 100) and
 * nothing per pod; an exit is still noticed within one interval.
 */
@Timeout(120)
class StatusCostIT {
  @RegisterExtension final EmulatorExtension<EcsEmulator> emulator = EmulatedFargate.extension();
  private static final int PODS = 40;

  @Test
  void steadyTasksCostOneListPerIntervalAndNoDescribes() throws Exception {
    Map<String, String> settings = EmulatedFargate.settings(emulator);
    FargateProvider provider = EmulatedFargate.provider(emulator, "vk-cost", settings);
    for (int i = 0; i < PODS; i++) {
      provider.createPod(Pods.pod("ns", Pods.uniqueName("c")));
    }
    EmulatedFargate.awaitReady(provider, PODS);

    emulator.get().calls().reset();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> emulator.get().calls().count("ListTasks") >= 10);

    List<CallLog.Call> calls = emulator.get().calls().timeline();
    List<CallLog.Call> lists = emulator.get().calls().timeline("ListTasks");
    Duration span = Duration.between(lists.get(0).time(), lists.get(lists.size() - 1).time());
    assertThat(calls)
        .as("only ListTasks while every task is steady (and the task definition cleanup's list)")
        .allMatch(
            c -> c.operation().equals("ListTasks") || c.operation().equals("ListTaskDefinitions"));
    assertThat(lists.size() - 1L)
        .as("one ListTasks page per 300 ms status interval for %d pods", PODS)
        .isLessThanOrEqualTo(span.toMillis() / 300 + 1);

    V1Pod victim = provider.getPods().get(0);
    emulator.get().faults().exitContainer(RestartIT.taskId(victim), "app", 5);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                provider.getPods().stream().anyMatch(p -> PodStatuses.restartCount(p, "app") == 1));
  }
}
