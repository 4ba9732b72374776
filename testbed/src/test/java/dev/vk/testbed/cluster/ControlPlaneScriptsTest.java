package dev.vk.testbed.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks of the control plane scripts and API that need neither root nor a cluster. */
class ControlPlaneScriptsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "build.sh",
        "up.sh",
        "down.sh",
        "node-credentials.sh",
        "common.sh",
        "pki.sh",
        "metrics-server.sh"
      })
  void scriptParses(String script) throws Exception {
    Path file = ControlPlane.scriptDir().resolve(script);
    assertThat(file).isRegularFile();
    Process p = new ProcessBuilder("bash", "-n", file.toString()).redirectErrorStream(true).start();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"build.sh", "up.sh", "down.sh", "node-credentials.sh", "metrics-server.sh"})
  void entryPointsAreExecutable(String script) {
    assertThat(Files.isExecutable(ControlPlane.scriptDir().resolve(script))).isTrue();
  }

  @Test
  void e2eClusterLivesUnderTargetAwayFromTheDemo() {
    assertThat(RealClusterExtension.stateDir())
        .isEqualTo(ControlPlane.repoRoot().resolve("testbed/target/e2e-cluster"));
    assertThat(RealClusterExtension.SUBNET).isNotEqualTo(ControlPlane.DEFAULT_SUBNET);
    assertThat(RealClusterExtension.NETNS).isNotEqualTo(ControlPlane.DEFAULT_NETNS);
  }

  @Test
  void realClusterIsMetaAnnotatedWithItsExtension() {
    ExtendWith extendWith = RealCluster.class.getAnnotation(ExtendWith.class);
    assertThat(extendWith.value()).containsExactly(RealClusterExtension.class);
  }

  @Test
  void rejectsMalformedSubnet() {
    assertThatThrownBy(() -> ControlPlane.start(Path.of("target/x"), "x", "10.250.0.0/24"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void kubectlResultReportsFailure() {
    CommandResult failed = new CommandResult(List.of("kubectl", "get", "x"), 1, "", "not found");
    assertThat(failed.ok()).isFalse();
    assertThatThrownBy(failed::orThrow)
        .hasMessageContaining("kubectl get x -> exit 1")
        .hasMessageContaining("not found");
    CommandResult ok = new CommandResult(List.of("kubectl"), 0, "fine", "");
    assertThat(ok.orThrow()).isSameAs(ok);
  }
}
