package dev.vk.provider.aci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.emulator.aci.AciEmulator;
import dev.vk.emulator.aci.faults.Call;
import dev.vk.emulator.aci.server.SubscriptionBudget.Kind;
import dev.vk.provider.testkit.EmulatorExtension;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The status notifier's read budget against the emulator's ARM token bucket, with the default 10%
 * share and a 10 s status interval: 300 steady groups (30 restart Never, 270 Always). With the
 * emulator's full bucket an exit in a Never group is pushed within a minute; with a small bucket
 * the notifier slows down to its share instead of emptying it.
 */
class ExitDetectionBudgetIT {

  private static final int NEVER = 30;
  private static final int ALWAYS = 270;
  private static final String LIST = "containerGroups.listByResourceGroup";

  @RegisterExtension final EmulatorExtension<AciEmulator> aci = Emulators.extension(100);
  private AciProvider provider;
  private final Map<String, V1Pod> pushed = new ConcurrentHashMap<>();
  private final List<V1Pod> never = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    // Seeding is not measured: 300 creations at once would empty ARM's buckets (the node would then
    // wait for the read bucket, as it should, and the test for it).
    aci.get().budget().configure(Kind.WRITES, 1_000_000, 100_000);
    aci.get().budget().configure(Kind.READS, 1_000_000, 100_000);
    provider =
        Emulators.provider(
            aci, "status-interval", "10s", "status-read-share", "10%", "settle-time", "1s");
    provider.notifyPods(p -> pushed.put(p.getMetadata().getUid(), p));
    List<V1Pod> all = new ArrayList<>();
    for (int i = 0; i < NEVER + ALWAYS; i++) {
      V1Pod pod = TestPods.sleeper();
      if (i < NEVER) {
        pod.getSpec().restartPolicy("Never");
        never.add(pod);
      }
      all.add(pod);
      provider.createPod(pod);
    }
    Awaitility.await("every pod is pushed Running")
        .atMost(Duration.ofMinutes(2))
        .until(() -> all.stream().allMatch(p -> running(pushed.get(p.getMetadata().getUid()))));
    aci.get().budget().restoreDefault(Kind.READS); // ARM's 250 tokens at 25 a second from now on
    // Two more rounds: every group has settled and been read as a steady one.
    long lists = aci.get().calls().count(LIST);
    Awaitility.await("two steady rounds")
        .atMost(Duration.ofMinutes(1))
        .until(() -> aci.get().calls().count(LIST) >= lists + 6);
  }

  @Test
  void exitInSteadyNeverGroupIsSeenWithinAMinute() {
    V1Pod victim = never.get(NEVER / 2);
    aci.get().budget().resetStats();
    aci.get().calls().reset();

    aci.get().faults().exitContainer(Emulators.RESOURCE_GROUP, TestPods.group(victim), "app", 1);

    // The guarantee the docs give for this shape: within a minute.
    Awaitility.await("the exit is pushed")
        .atMost(Duration.ofMinutes(1))
        .until(
            () ->
                "Failed".equals(pushed.get(victim.getMetadata().getUid()).getStatus().getPhase()));
    Awaitility.await("four rounds to measure the rate over")
        .atMost(Duration.ofMinutes(2))
        .until(() -> aci.get().calls().count(LIST) >= 12);
    assertThat(aci.get().budget().exhausted(Kind.READS))
        .as("reads ARM would have throttled")
        .isZero();
    assertThat(readsPerMinute(aci.get().calls().timeline()))
        .as("reads a minute: at most 10% of ARM's 1500, plus one round of slack")
        .isLessThanOrEqualTo(150 + 25);
  }

  @Test
  void smallRemainingBudgetSlowsTheNodeDown() {
    // A subscription whose read bucket holds 30 and refills 3 a second (180 a minute).
    aci.get().budget().configure(Kind.READS, 30, 3);
    long lists = aci.get().calls().count(LIST);
    Awaitility.await("a round with the small bucket")
        .atMost(Duration.ofMinutes(1))
        .until(() -> aci.get().calls().count(LIST) >= lists + 3);
    aci.get().budget().resetStats();
    aci.get().calls().reset();

    Awaitility.await("three rounds")
        .atMost(Duration.ofMinutes(2))
        .until(() -> aci.get().calls().count(LIST) >= 9);

    assertThat(aci.get().budget().exhausted(Kind.READS))
        .as("reads ARM would have throttled")
        .isZero();
    assertThat(aci.get().budget().lowest(Kind.READS)).as("the bucket never ran dry").isPositive();
    assertThat(readsPerMinute(aci.get().calls().timeline()))
        .as("reads a minute: 10% of 180, with one round of slack")
        .isLessThanOrEqualTo(18 + 4);
  }

  /** ARM reads a minute between the first and the last list call of the timeline. */
  private static double readsPerMinute(List<Call> timeline) {
    List<Call> reads =
        timeline.stream()
            .filter(c -> c.method().equals("GET") && c.operation().startsWith("container"))
            .toList();
    List<Call> lists = reads.stream().filter(c -> c.operation().equals(LIST)).toList();
    Instant from = lists.get(0).receivedAt();
    Instant to = lists.get(lists.size() - 1).receivedAt();
    long inWindow =
        reads.stream()
            .filter(c -> !c.receivedAt().isBefore(from) && c.receivedAt().isBefore(to))
            .count();
    double minutes = Duration.between(from, to).toMillis() / 60_000.0;
    System.out.printf("%d reads in %.1f s%n", inWindow, minutes * 60);
    return inWindow / minutes;
  }

  private static boolean running(V1Pod pod) {
    return pod != null && "Running".equals(pod.getStatus().getPhase());
  }
}
