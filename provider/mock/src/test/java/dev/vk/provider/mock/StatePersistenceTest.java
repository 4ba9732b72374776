package dev.vk.provider.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vk.provider.testkit.Pods;
import dev.vk.provider.testkit.TestingClock;
import io.kubernetes.client.openapi.models.V1Pod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a state file, a new process continues where the old one stopped, as a cloud would. */
class StatePersistenceTest {

  @TempDir Path dir;

  private final TestingClock clock = new TestingClock();

  @Test
  @DisplayName("a new instance on the same state file still runs the pod at the same address")
  void podSurvivesRestart() throws Exception {
    V1Pod pod = Pods.pod("ns", "web");
    String podIp;
    try (InMemoryProvider first = provider()) {
      first.createPod(pod);
      clock.advance(Duration.ofSeconds(5));
      podIp = first.getPod("ns", "web").orElseThrow().getStatus().getPodIP();
    }

    try (InMemoryProvider second = provider()) {
      V1Pod restored = second.getPod("ns", "web").orElseThrow();
      assertThat(restored.getMetadata().getUid()).isEqualTo(pod.getMetadata().getUid());
      assertThat(restored.getStatus().getPhase()).isEqualTo("Running");
      assertThat(restored.getStatus().getPodIP()).isEqualTo(podIp).startsWith("10.244.");
      assertThat(restored.getStatus().getStartTime().toInstant())
          .isEqualTo(clock.instant().minusSeconds(5));
    }
  }

  @Test
  @DisplayName("call counters continue across instances and can be read from the file alone")
  void countersContinue() throws Exception {
    try (InMemoryProvider first = provider()) {
      first.createPod(Pods.pod("ns", "web"));
      first.getPods();
    }

    try (InMemoryProvider second = provider()) {
      second.getPods();
      assertThat(second.callCounts()).containsEntry("create", 1L).containsEntry("getPods", 2L);
    }
    assertThat(InMemoryProvider.readCallCounts(stateFile()))
        .containsEntry("create", 1L)
        .containsEntry("getPods", 2L)
        .doesNotContainKey("delete");
  }

  @Test
  @DisplayName(
      "a pod deleted before the restart stays deleted, and its address is not reused at once")
  void deletionSurvivesRestart() throws Exception {
    V1Pod gone = Pods.pod("ns", "gone");
    try (InMemoryProvider first = provider()) {
      first.createPod(gone);
      first.deletePod(gone);
    }

    try (InMemoryProvider second = provider()) {
      assertThat(second.getPods()).isEmpty();
      second.createPod(Pods.pod("ns", "next"));
      clock.advance(Duration.ofSeconds(2));
      assertThat(second.getPod("ns", "next").orElseThrow().getStatus().getPodIP())
          .isEqualTo("10.244.0.2");
    }
  }

  @Test
  @DisplayName("the state file is replaced whole, leaving no temporary files behind")
  void writesAtomically() throws Exception {
    try (InMemoryProvider provider = provider()) {
      provider.createPod(Pods.pod("ns", "web"));
      provider.getPods();
    }

    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(stateFile());
    }
  }

  @Test
  @DisplayName("an unreadable state file is reported as a bad state-file setting")
  void corruptFileIsRejected() throws Exception {
    Files.writeString(stateFile(), "{not json");

    assertThatThrownBy(this::provider)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("state-file")
        .hasMessageContaining(stateFile().toString());
  }

  private InMemoryProvider provider() {
    return new InMemoryProvider(
        Contexts.context("state-file", stateFile().toString(), "start-delay", "1s"), clock);
  }

  private Path stateFile() {
    return dir.resolve("mock-state.json");
  }
}
