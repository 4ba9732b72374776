package dev.vk.provider.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vk.kubelet.types.LogOptions;
import dev.vk.provider.testkit.Pods;
import dev.vk.provider.testkit.RecordingLogSubscriber;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code kubectl logs -f}: new lines as the (testing) clock moves, and when the stream ends. */
class LogFollowTest extends MockProviderFixture {

  private static final LogOptions FOLLOW = LogOptions.DEFAULTS.following();

  @Test
  @DisplayName("follow delivers the current lines, then each new one as time passes")
  void newLines() throws Exception {
    start(Pods.pod("ns", "web"), Duration.ofMillis(1500));

    RecordingLogSubscriber log = subscribe(APP, FOLLOW);
    await().until(() -> log.lines().size() == 1);
    assertThat(log.texts()).containsExactly("2026-01-01T00:00:01Z app started");
    clock.advance(Duration.ofSeconds(2));

    await().until(() -> log.lines().size() == 3);
    assertThat(log.texts()).endsWith("2026-01-01T00:00:03Z app line 2");
    assertThat(log.completed()).isFalse();
    assertThat(provider.runningLogReaders()).isEqualTo(1);
  }

  @Test
  @DisplayName("follow completes when the container exits, with its last line")
  void completesOnExit() throws Exception {
    V1Pod pod = Pods.pod("ns", "web");
    pod.getSpec().setRestartPolicy("Never");
    pod.getMetadata().putAnnotationsItem("mock.vk.dev/exit-after", "3s");
    start(pod, Duration.ofSeconds(2));
    RecordingLogSubscriber log = subscribe(APP, FOLLOW);

    clock.advance(Duration.ofSeconds(10));

    await().until(() -> log.completed());
    assertThat(log.texts()).hasSize(3).endsWith("2026-01-01T00:00:03Z app line 2");
    await().until(() -> provider.runningLogReaders() == 0);
  }

  @Test
  @DisplayName("follow completes when the pod is deleted")
  void completesOnDelete() throws Exception {
    V1Pod pod = Pods.pod("ns", "web");
    start(pod, Duration.ofSeconds(2));
    RecordingLogSubscriber log = subscribe(APP, FOLLOW);

    provider.deletePod(pod);

    await().until(() -> log.completed());
    assertThat(log.texts()).hasSize(2);
    await().until(() -> provider.runningLogReaders() == 0);
  }

  @Test
  @DisplayName("cancelling a follower stops its reader and its lines")
  void cancelStops() throws Exception {
    start(Pods.pod("ns", "web"), Duration.ofSeconds(2));
    RecordingLogSubscriber log = subscribe(APP, FOLLOW);
    await().until(() -> log.lines().size() == 2);
    assertThat(provider.runningLogReaders()).isEqualTo(1);

    log.cancel();

    await().until(() -> provider.runningLogReaders() == 0);
    clock.advance(Duration.ofSeconds(5));
    assertThat(log.texts()).hasSize(2);
    assertThat(log.completed()).isFalse();
  }

  @Test
  @DisplayName("follow with tailLines 0 waits for the next line only")
  void onlyNewLines() throws Exception {
    start(Pods.pod("ns", "web"), Duration.ofSeconds(5));
    RecordingLogSubscriber log = subscribe(APP, LogOptions.NEW_LINES);
    assertThat(log.lines()).isEmpty();
    clock.advance(Duration.ofSeconds(1));

    await().until(() -> !log.lines().isEmpty());
    assertThat(log.texts()).containsExactly("2026-01-01T00:00:06Z app line 5");
  }
}
