package dev.vk.provider.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.provider.testkit.Pods;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Only pods whose status may still change are listed; a settled pod is listed once more. */
class ChangingStatusesTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final PodStatusCalculator calculator = new PodStatusCalculator(Duration.ofSeconds(1));
  private final ChangingStatuses changing = new ChangingStatuses(calculator);

  /** "name phase" of each pod listed at {@code now}. */
  private List<String> listed(Instant now) {
    List<String> out = new ArrayList<>();
    changing.statusesAt(
        now, (r, s) -> out.add(r.pod().getMetadata().getName() + " " + s.getPhase()));
    return out;
  }

  @Test
  @DisplayName("a pod whose containers never exit is listed until it runs, then no longer")
  void settledLeaves() throws Exception {
    changing.track(PodRecord.of(Pods.pod("ns", "web"), T0, "10.0.0.1"));

    assertThat(listed(T0)).containsExactly("web Pending");
    assertThat(listed(T0.plusSeconds(2))).containsExactly("web Running");
    assertThat(listed(T0.plusSeconds(60))).isEmpty();
    assertThat(changing.size()).isZero();
  }

  @Test
  @DisplayName("a pod whose main container exits stays listed: its status keeps changing")
  void changingStays() throws Exception {
    V1Pod pod = Pods.pod("ns", "job");
    pod.getMetadata().putAnnotationsItem("mock.vk.dev/exit-after", "5s");
    pod.getSpec().setRestartPolicy("Never");
    changing.track(PodRecord.of(pod, T0, "10.0.0.2"));

    assertThat(listed(T0.plusSeconds(2))).containsExactly("job Running");
    assertThat(listed(T0.plusSeconds(10))).containsExactly("job Succeeded");
  }

  @Test
  @DisplayName("an update tracks the pod again under its name; a deleted pod is no longer listed")
  void retrackedAndForgotten() throws Exception {
    PodRecord web = PodRecord.of(Pods.pod("ns", "web"), T0, "10.0.0.1");
    PodRecord db = PodRecord.of(Pods.pod("ns", "db"), T0, "10.0.0.3");
    changing.track(web);
    changing.track(db);
    listed(T0.plusSeconds(2));

    changing.track(PodRecord.of(web.pod(), T0, "10.0.0.1"));
    changing.track(PodRecord.of(db.pod(), T0, "10.0.0.3"));
    changing.forget(db.key());

    assertThat(listed(T0.plusSeconds(3))).containsExactly("web Running");
  }
}
