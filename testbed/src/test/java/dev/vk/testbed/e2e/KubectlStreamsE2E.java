package dev.vk.testbed.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vk.testbed.cluster.BackgroundCommand;
import dev.vk.testbed.cluster.CommandResult;
import dev.vk.testbed.cluster.ControlPlane;
import dev.vk.testbed.cluster.RealCluster;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** kubectl exec, attach and port-forward through the real API server (SPDY to the node). */
@RealCluster
class KubectlStreamsE2E {
  private static final String NODE = "vk-e2e-streams";
  private static final int MIB = 1024 * 1024;
  private static ControlPlane cp;
  private static MockNode node;

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    cp = controlPlane;
    // A Service of the pod's namespace: its link variables come from the node's Service cache.
    cp.kubectl("create", "service", "clusterip", "streams-links", "--tcp=8080:8080").orThrow();
    node = MockNode.start(cp, NODE, 10267);
    Workloads.runningPod(cp, NODE, "shell", "Always", Map.of());
  }

  @AfterAll
  static void stop() {
    MockNode.stop(node);
    cp.kubectl("delete", "service", "streams-links", "--ignore-not-found").orThrow();
  }

  @Test
  @DisplayName(
      "kubectl exec -- echo hi prints hi; env shows the resolved environment with service links")
  void echo() {
    assertThat(cp.kubectl("exec", "shell", "--", "echo", "hi").orThrow().stdout())
        .isEqualTo("hi\n");
    assertThat(cp.kubectl("exec", "shell", "--", "env").orThrow().stdout())
        .contains("GREETING=hello")
        .contains("KUBERNETES_SERVICE_HOST=", "KUBERNETES_SERVICE_PORT=")
        .contains("STREAMS_LINKS_SERVICE_HOST=", "STREAMS_LINKS_SERVICE_PORT=8080");
  }

  @Test
  @DisplayName("kubectl exec -i pipes stdin through cat")
  void stdin() {
    CommandResult cat = cp.kubectlWithInput("hello\nworld\n", "exec", "-i", "shell", "--", "cat");
    assertThat(cat.orThrow().stdout()).isEqualTo("hello\nworld\n");
  }

  @Test
  @DisplayName("20 MiB of exec output arrive without stalling")
  void largeOutput() {
    CommandResult big =
        cp.kubectl(
            Duration.ofMinutes(2),
            "exec",
            "shell",
            "--",
            "head",
            "-c",
            Integer.toString(20 * MIB),
            "/dev/zero");
    assertThat(big.orThrow().stdout()).hasSize(20 * MIB);
  }

  @Test
  @DisplayName("the command's exit code is kubectl's exit code")
  void exitCode() {
    CommandResult three = cp.kubectl("exec", "shell", "--", "sh", "-c", "exit 3");
    assertThat(three.exitCode()).as(three.toString()).isEqualTo(3);
    assertThat(three.stderr()).contains("command terminated with exit code 3");
  }

  @Test
  @DisplayName("kubectl exec -it runs a shell in a terminal that follows a resize")
  void ttyAndResize() throws Exception {
    List<String> command =
        List.of(
            ControlPlane.repoRoot().resolve("testbed/tools/tty-resize.py").toString(),
            "24",
            "80",
            "40",
            "132",
            "--",
            ControlPlane.kubectlBinary(),
            "--kubeconfig=" + cp.kubeconfig(),
            "exec",
            "-it",
            "shell",
            "--",
            "sh");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String transcript = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(transcript).isZero();
    assertThat(transcript).contains("24 80").contains("40 132");
  }

  @Test
  @DisplayName("kubectl attach shows the running container's output")
  void attach() {
    try (BackgroundCommand attach = cp.kubectlInBackground("attach", "shell", "-c", "app")) {
      await("attached output")
          .atMost(Cluster.PATIENCE)
          .until(() -> attach.output().lines().anyMatch(l -> l.contains("line")));
    }
  }

  @Test
  @DisplayName("kubectl port-forward carries 10 MiB both ways through the pod's TCP echo")
  void portForward() throws Exception {
    try (BackgroundCommand forward = cp.kubectlInBackground("port-forward", "pod/shell", ":8080")) {
      Pattern listening = Pattern.compile("Forwarding from 127\\.0\\.0\\.1:(\\d+)");
      await("port-forward listening")
          .atMost(Cluster.PATIENCE)
          .until(() -> listening.matcher(forward.output()).find());
      Matcher m = listening.matcher(forward.output());
      assertThat(m.find()).isTrue();
      byte[] payload = new byte[10 * MIB];
      new Random(42).nextBytes(payload);
      try (Socket socket = new Socket("127.0.0.1", Integer.parseInt(m.group(1)))) {
        CompletableFuture<Void> writer =
            CompletableFuture.runAsync(
                () -> {
                  try {
                    OutputStream out = socket.getOutputStream();
                    out.write(payload);
                    out.flush();
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                });
        byte[] echoed = readFully(socket.getInputStream(), payload.length);
        writer.get();
        assertThat(sha256(echoed)).isEqualTo(sha256(payload));
      }
    }
  }

  private static byte[] readFully(InputStream in, int length) throws Exception {
    byte[] buffer = new byte[length];
    int read = 0;
    while (read < length) {
      int n = in.read(buffer, read, length - read);
      if (n < 0) {
        break;
      }
      read += n;
    }
    assertThat(read).as("bytes echoed back").isEqualTo(length);
    return buffer;
  }

  private static byte[] sha256(byte[] data) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(data);
  }
}
