package dev.vk.testbed.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vk.emulator.ecs.EcsEmulator;
import dev.vk.testbed.cluster.BackgroundCommand;
import dev.vk.testbed.cluster.ControlPlane;
import dev.vk.testbed.cluster.RealCluster;
import io.kubernetes.client.openapi.models.V1Pod;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code kubectl port-forward} to a Fargate pod on the real control plane: the node opens an SSM
 * port session per connection against the ECS emulator, whose task answers HTTP on port 80 and
 * echoes from 1024 up.
 */
@RealCluster
class FargatePortForwardE2E {
  private static final String NODE = "vk-fargate-pf";
  private static final String SUITE = "fargate-pf-e2e";
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  private static ControlPlane cp;
  private static CloudCluster cluster;
  private static EcsEmulator ecs;
  private static CloudNode node;
  private static String pod;

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    cp = controlPlane;
    cluster = new CloudCluster(cp);
    ecs = CloudNode.ecsEmulator();
    node = CloudNode.fargate(cp, ecs, NODE, 10291);
    cluster.apply(
        CloudCluster.deployment(
                SUITE, "fg-pf", NODE, "fargate", 1, "public.ecr.aws/nginx/nginx:stable", null)
            + "        ports:\n        - containerPort: 80\n");
    List<V1Pod> pods = cluster.awaitRunning("fg-pf", NODE, 1, PATIENCE);
    pod = pods.get(0).getMetadata().getName();
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.deleteDeployments(SUITE);
    }
    CloudNode.stop(node, ecs);
  }

  @Test
  @DisplayName(
      "kubectl port-forward pod/x :80 :8080 carries an HTTP round trip to the declared port and"
          + " an echo on an undeclared one, each connection its own SSM session")
  void httpAndEchoRoundTrips() throws Exception {
    int sessionsBefore = ecs.calls().count("StartSession");
    try (BackgroundCommand forward =
        cp.kubectlInBackground("port-forward", "pod/" + pod, ":80", ":8080")) {
      int http = localPort(forward, 80);
      int echo = localPort(forward, 8080);

      try (Socket socket = new Socket("127.0.0.1", http)) {
        send(socket, "GET /index.html HTTP/1.1\r\nHost: localhost\r\n\r\n");
        String response = readUntil(socket.getInputStream(), "GET /index.html HTTP/1.1\n");
        assertThat(response).startsWith("HTTP/1.1 200 OK\r\n").contains("hello from task ");
      }
      for (int i = 0; i < 2; i++) { // a second connection after the first one closed
        try (Socket socket = new Socket("127.0.0.1", echo)) {
          String text = "ping " + i + " through SSM";
          send(socket, text);
          assertThat(readUntil(socket.getInputStream(), text)).isEqualTo(text);
        }
      }
      assertThat(ecs.calls().count("StartSession") - sessionsBefore)
          .as("one SSM session per connection")
          .isEqualTo(3);
    }
  }

  @Test
  @DisplayName(
      "a port nothing listens on: the client's connection ends and kubectl shows the agent's"
          + " reason")
  void nothingListening() throws Exception {
    try (BackgroundCommand forward = cp.kubectlInBackground("port-forward", "pod/" + pod, ":22")) {
      int port = localPort(forward, 22);
      try (Socket socket = new Socket("127.0.0.1", port)) {
        send(socket, "SSH-2.0-test\r\n");
        assertThat(socket.getInputStream().read()).as("end of stream").isEqualTo(-1);
      }
      await("kubectl reports the refusal")
          .atMost(Duration.ofSeconds(30))
          .until(() -> forward.output().contains("Unable to connect to specified port"));
      assertThat(forward.output()).contains("error forwarding port 22");
    }
  }

  private static int localPort(BackgroundCommand forward, int remote) {
    Pattern listening =
        Pattern.compile("Forwarding from 127\\.0\\.0\\.1:(\\d+) -> " + remote + "\\b");
    await("port-forward listening for " + remote)
        .atMost(CloudCluster.PATIENCE)
        .until(() -> listening.matcher(forward.output()).find());
    Matcher m = listening.matcher(forward.output());
    assertThat(m.find()).isTrue();
    return Integer.parseInt(m.group(1));
  }

  private static void send(Socket socket, String text) throws Exception {
    socket.setSoTimeout((int) PATIENCE.toMillis());
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** Reads until the text read so far ends with {@code end}; fails on end-of-stream first. */
  private static String readUntil(InputStream in, String end) throws Exception {
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    while (!read.toString(StandardCharsets.UTF_8).endsWith(end)) {
      int b = in.read();
      assertThat(b)
          .as("stream ended after %s", read.toString(StandardCharsets.UTF_8))
          .isNotNegative();
      read.write(b);
    }
    return read.toString(StandardCharsets.UTF_8);
  }
}
