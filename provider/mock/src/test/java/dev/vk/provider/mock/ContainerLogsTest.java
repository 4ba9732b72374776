package dev.vk.provider.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.vk.kubelet.types.ContainerRef;
import dev.vk.kubelet.types.LogOptions;
import dev.vk.kubelet.types.PodRef;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.testkit.Pods;
import dev.vk.provider.testkit.RecordingLogSubscriber;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code kubectl logs} without follow: which lines, and the kubelet's errors. */
class ContainerLogsTest extends MockProviderFixture {

  @Test
  @DisplayName("a running container has logged a start line and then a line a second")
  void allLines() throws Exception {
    start(Pods.pod("ns", "web"), Duration.ofMillis(3500)); // started at 00:00:01

    RecordingLogSubscriber log = whole(APP, LogOptions.DEFAULTS);

    assertThat(log.texts())
        .containsExactly(
            "2026-01-01T00:00:01Z app started",
            "2026-01-01T00:00:02Z app line 1",
            "2026-01-01T00:00:03Z app line 2");
    assertThat(log.lines().get(2).timestamp()).isEqualTo(Instant.parse("2026-01-01T00:00:03Z"));
    assertThat(log.completed()).isTrue();
  }

  @Test
  @DisplayName("tailLines keeps the last lines")
  void tail() throws Exception {
    start(Pods.pod("ns", "web"), Duration.ofSeconds(7));

    RecordingLogSubscriber log = whole(APP, options(OptionalLong.of(2), null));

    assertThat(log.texts())
        .containsExactly("2026-01-01T00:00:06Z app line 5", "2026-01-01T00:00:07Z app line 6");
  }

  @Test
  @DisplayName("sinceSeconds and sinceTime skip lines before the cut-off")
  void since() throws Exception {
    start(Pods.pod("ns", "web"), Duration.ofMillis(6500));
    LogOptions sinceSeconds = LogOptions.DEFAULTS.since(Duration.ofSeconds(2));

    RecordingLogSubscriber recent = whole(APP, sinceSeconds);
    RecordingLogSubscriber fromTime =
        whole(APP, options(OptionalLong.empty(), Instant.parse("2026-01-01T00:00:05.200Z")));

    assertThat(recent.texts())
        .containsExactly("2026-01-01T00:00:05Z app line 4", "2026-01-01T00:00:06Z app line 5");
    assertThat(fromTime.texts()).containsExactly("2026-01-01T00:00:06Z app line 5");
  }

  @Test
  @DisplayName("previous reads the run before the restart; the current run starts afresh")
  void previousRun() throws Exception {
    V1Pod pod = Pods.pod("ns", "web");
    pod.getMetadata().putAnnotationsItem("mock.vk.dev/exit-after", "3s");
    start(pod, Duration.ofSeconds(6)); // run 0: 1s..4s, run 1 from 4.5s
    LogOptions previous = LogOptions.DEFAULTS.previousRun();

    RecordingLogSubscriber before = whole(APP, previous);
    RecordingLogSubscriber now = whole(APP, LogOptions.DEFAULTS);

    assertThat(before.texts())
        .containsExactly(
            "2026-01-01T00:00:01Z app started",
            "2026-01-01T00:00:02Z app line 1",
            "2026-01-01T00:00:03Z app line 2");
    assertThat(now.texts())
        .containsExactly(
            "2026-01-01T00:00:04.500Z app started", "2026-01-01T00:00:05.500Z app line 1");
  }

  @Test
  @DisplayName("previous without a restart fails NOT_FOUND like the kubelet")
  void noPreviousRun() throws Exception {
    start(Pods.pod("ns", "web"), Duration.ofSeconds(5));
    LogOptions previous = LogOptions.DEFAULTS.previousRun();

    assertFails(
        () -> provider.logs(APP, previous),
        ProviderException.Kind.INVALID_INPUT,
        "previous terminated container \"app\" in pod \"web\" not found");
  }

  @Test
  @DisplayName("unknown pods, containers and UIDs fail NOT_FOUND naming what is missing")
  void unknown() throws Exception {
    start(Pods.pod("ns", "web"), Duration.ofSeconds(2));

    assertFails(
        () -> provider.logs(ContainerRef.of("ns", "ghost", "app"), LogOptions.DEFAULTS),
        ProviderException.Kind.NOT_FOUND,
        "pod \"ns/ghost\" not found");
    assertFails(
        () -> provider.logs(ContainerRef.of("ns", "web", "nope"), LogOptions.DEFAULTS),
        ProviderException.Kind.NOT_FOUND,
        "container \"nope\" is not valid for pod \"web\"");
    assertFails(
        () ->
            provider.logs(
                new ContainerRef(new PodRef("ns", "web", "x"), "app"), LogOptions.DEFAULTS),
        ProviderException.Kind.NOT_FOUND,
        "pod \"ns/web\" not found");
  }

  @Test
  @DisplayName("a container that has not started yet has no log, as the kubelet says")
  void notStarted() throws Exception {
    provider.createPod(Pods.pod("ns", "web"));

    assertFails(
        () -> provider.logs(APP, LogOptions.DEFAULTS),
        ProviderException.Kind.INVALID_INPUT,
        "container \"app\" in pod \"web\" is waiting to start: ContainerCreating");
  }

  @Test
  @DisplayName("lines are delivered only as requested")
  void backpressure() throws Exception {
    start(Pods.pod("ns", "web"), Duration.ofSeconds(10));
    RecordingLogSubscriber log = new RecordingLogSubscriber(2);

    provider.logs(APP, LogOptions.DEFAULTS).subscribe(log);
    await().until(() -> log.lines().size() == 2);
    log.request(3);

    await().until(() -> log.lines().size() == 5);
    assertThat(log.completed()).isFalse();
  }

  static LogOptions options(OptionalLong tail, Instant sinceTime) {
    LogOptions options =
        sinceTime == null ? LogOptions.DEFAULTS : LogOptions.DEFAULTS.since(sinceTime);
    return tail.isPresent() ? options.tail(tail.getAsLong()) : options;
  }

  static void assertFails(Call call, ProviderException.Kind kind, String message) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(kind);
              assertThat(e.getMessage()).isEqualTo(message);
            });
  }

  @FunctionalInterface
  interface Call {
    Object run() throws Exception;
  }
}
