package dev.vk.provider.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.provider.testkit.Pods;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Settled statuses are computed once; a status that still changes is computed every time. */
class SettledStatusesTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final PodStatusCalculator calculator = new PodStatusCalculator(Duration.ofSeconds(1));
  private final SettledStatuses settled = new SettledStatuses(calculator);

  @Test
  @DisplayName("a running pod whose containers never exit keeps one status object once it runs")
  void settledOnce() throws Exception {
    PodRecord web = PodRecord.of(Pods.pod("ns", "web"), T0, "10.0.0.1");

    V1PodStatus pending = settled.statusesAt(List.of(web), T0).get(0);
    V1PodStatus running = settled.statusesAt(List.of(web), T0.plusSeconds(2)).get(0);
    V1PodStatus later = settled.statusesAt(List.of(web), T0.plusSeconds(60)).get(0);

    assertThat(pending.getPhase()).isEqualTo("Pending");
    assertThat(running.getPhase()).isEqualTo("Running");
    assertThat(later).isSameAs(running);
  }

  @Test
  @DisplayName("a pod whose main container exits still shows the exit: its status is not kept")
  void changingNotKept() throws Exception {
    V1Pod pod = Pods.pod("ns", "job");
    pod.getMetadata().putAnnotationsItem("mock.vk.dev/exit-after", "5s");
    pod.getSpec().setRestartPolicy("Never");
    PodRecord job = PodRecord.of(pod, T0, "10.0.0.2");

    V1PodStatus running = settled.statusesAt(List.of(job), T0.plusSeconds(2)).get(0);
    V1PodStatus exited = settled.statusesAt(List.of(job), T0.plusSeconds(10)).get(0);

    assertThat(running.getPhase()).isEqualTo("Running");
    assertThat(exited.getPhase()).isEqualTo("Succeeded");
  }

  @Test
  @DisplayName("an updated pod (a new record) gets its status computed anew")
  void updatedRecomputed() throws Exception {
    PodRecord web = PodRecord.of(Pods.pod("ns", "web"), T0, "10.0.0.1");
    V1PodStatus before = settled.statusesAt(List.of(web), T0.plusSeconds(2)).get(0);
    PodRecord updated = PodRecord.of(web.pod(), T0, "10.0.0.1");

    V1PodStatus after = settled.statusesAt(List.of(updated), T0.plusSeconds(3)).get(0);

    assertThat(after).isNotSameAs(before).isEqualTo(before);
  }
}
