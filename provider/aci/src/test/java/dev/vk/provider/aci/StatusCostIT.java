package dev.vk.provider.aci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.emulator.aci.AciEmulator;
import dev.vk.provider.testkit.EmulatorExtension;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The notifier's ARM cost: steady groups cost list pages and the GETs the budget leaves, never a
 * GET each; a container exit in a steady group is seen by the full refresh. Call counts come from
 * the emulator.
 */
class StatusCostIT {

  private static final int PODS = 12; // three pages of five
  private static final String LIST = "containerGroups.listByResourceGroup";
  private static final String GET = "containerGroups.get";

  @RegisterExtension final EmulatorExtension<AciEmulator> aci = Emulators.extension();
  private AciProvider provider;
  private final Map<String, V1Pod> pushed = new ConcurrentHashMap<>();
  private final List<V1Pod> pods = new ArrayList<>();

  @Test
  void steadyGroupsCostListPagesAndTheGetsTheBudgetLeaves() throws Exception {
    // 600 a minute at 300 ms rounds: 3 calls a round, all taken by the list's 3 pages, so each
    // round reads one steady group (the least a round reads) instead of all 12.
    startSteady("1h", "status-calls-per-minute", "600");

    aci.get().calls().reset();
    // Two rounds absorb GETs of groups that started moments before the reset.
    Awaitility.await("two status rounds").until(() -> aci.get().calls().count(LIST) >= 6);
    aci.get().calls().reset();
    Awaitility.await("ten status rounds")
        .atMost(Duration.ofSeconds(20))
        .until(() -> aci.get().calls().count(LIST) >= 30);

    assertThat(aci.get().calls().count(GET))
        .as("GETs while nothing changed: one a round")
        .isBetween(1L, aci.get().calls().count(LIST) / 3 + 1);
    assertThat(aci.get().calls().counts().keySet()).containsOnly(LIST, GET);
  }

  @Test
  void exitInSteadyGroupIsSeenByTheFullRefresh() throws Exception {
    startSteady("2s");
    V1Pod victim = pods.get(0);

    aci.get().faults().exitContainer(Emulators.RESOURCE_GROUP, TestPods.group(victim), "app", 137);

    Awaitility.await("the exit is pushed")
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> {
              V1Pod p = pushed.get(victim.getMetadata().getUid());
              return p != null
                  && p.getStatus().getContainerStatuses().get(0).getRestartCount() >= 1;
            });
  }

  private void startSteady(String fullRefresh, String... extra) throws Exception {
    List<String> settings =
        new ArrayList<>(
            List.of(
                "status-interval", "300ms", "full-refresh", fullRefresh, "settle-time", "100ms"));
    settings.addAll(List.of(extra));
    provider = Emulators.provider(aci, settings.toArray(String[]::new));
    provider.notifyPods(p -> pushed.put(p.getMetadata().getUid(), p));
    for (int i = 0; i < PODS; i++) {
      V1Pod pod = TestPods.sleeper();
      pods.add(pod);
      provider.createPod(pod);
    }
    Awaitility.await("every pod is pushed Running")
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                pods.stream()
                    .allMatch(
                        p ->
                            pushed.containsKey(p.getMetadata().getUid())
                                && "Running"
                                    .equals(
                                        pushed
                                            .get(p.getMetadata().getUid())
                                            .getStatus()
                                            .getPhase())));
  }
}
