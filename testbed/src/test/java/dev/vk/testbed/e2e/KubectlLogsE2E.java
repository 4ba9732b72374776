package dev.vk.testbed.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vk.testbed.cluster.BackgroundCommand;
import dev.vk.testbed.cluster.CommandResult;
import dev.vk.testbed.cluster.ControlPlane;
import dev.vk.testbed.cluster.RealCluster;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code kubectl logs} through the real API server to the node's kubelet API. */
@RealCluster
class KubectlLogsE2E {
  private static final String NODE = "vk-e2e-logs";
  private static ControlPlane cp;
  private static MockNode node;

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    cp = controlPlane;
    node = MockNode.start(cp, NODE, 10266);
    Workloads.runningPod(cp, NODE, "chatty", "Always", Map.of());
    // A few seconds of output, so tail and since have something to cut.
    await()
        .atMost(Cluster.PATIENCE)
        .until(() -> cp.kubectl("logs", "chatty").stdout().lines().count() >= 4);
  }

  @AfterAll
  static void stop() {
    MockNode.stop(node);
  }

  @Test
  @DisplayName(
      "kubectl logs, --tail, --timestamps, --limit-bytes and --since cut the log like a kubelet")
  void options() {
    long all = cp.kubectl("logs", "chatty").orThrow().stdout().lines().count();
    assertThat(all).isGreaterThanOrEqualTo(4);
    assertThat(cp.kubectl("logs", "chatty", "--tail=2").orThrow().stdout().lines()).hasSize(2);
    String stamped = cp.kubectl("logs", "chatty", "--tail=1", "--timestamps").orThrow().stdout();
    assertThat(stamped).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z .+\\R?");
    assertThat(cp.kubectl("logs", "chatty", "--limit-bytes=5").orThrow().stdout()).hasSize(5);
    long recent = cp.kubectl("logs", "chatty", "--since=2s").orThrow().stdout().lines().count();
    assertThat(recent).isLessThan(all).isLessThanOrEqualTo(3);
  }

  @Test
  @DisplayName("kubectl logs -f shows new lines as they come and ends when the container ends")
  void follow() {
    Workloads.runningPod(cp, NODE, "short", "Never", Map.of("mock.vk.dev/exit-after", "6s"));
    try (BackgroundCommand follow = cp.kubectlInBackground("logs", "-f", "short")) {
      await("a first line")
          .atMost(Cluster.PATIENCE)
          .until(() -> follow.output().lines().count() >= 1);
      long first = follow.output().lines().count();
      await("more lines while following")
          .atMost(Cluster.PATIENCE)
          .until(() -> follow.output().lines().count() > first);
      await("kubectl ends with the container")
          .atMost(Cluster.PATIENCE)
          .until(() -> !follow.alive());
      assertThat(follow.exitCode()).as(follow.output()).isZero();
    }
  }

  @Test
  @DisplayName(
      "kubectl logs --previous shows the run before a restart, and says so when there is none")
  void previous() {
    Workloads.runningPod(
        cp,
        NODE,
        "crashy",
        "Always",
        Map.of("mock.vk.dev/exit-after", "2s", "mock.vk.dev/exit-code", "1"));
    Cluster cluster = new Cluster(cp);
    await("a restart")
        .atMost(Cluster.PATIENCE)
        .until(
            () ->
                cluster
                        .api()
                        .readNamespacedPod("crashy", "default")
                        .execute()
                        .getStatus()
                        .getContainerStatuses()
                        .get(0)
                        .getRestartCount()
                    >= 1);
    CommandResult previous = cp.kubectl("logs", "crashy", "--previous");
    assertThat(previous.exitCode()).as(previous.toString()).isZero();
    assertThat(previous.stdout()).isNotBlank();
    CommandResult none = cp.kubectl("logs", "chatty", "--previous");
    assertThat(none.exitCode()).isNotZero();
    assertThat(none.stderr()).contains("previous terminated container");
  }
}
