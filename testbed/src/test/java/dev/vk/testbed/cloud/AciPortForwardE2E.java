package dev.vk.testbed.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vk.emulator.aci.AciEmulator;
import dev.vk.testbed.cluster.BackgroundCommand;
import dev.vk.testbed.cluster.ControlPlane;
import dev.vk.testbed.cluster.RealCluster;
import io.kubernetes.client.openapi.models.V1Pod;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code kubectl port-forward} to an ACI pod on the real control plane: the node runs in VNet mode,
 * the emulator hands out pod IPs of the testbed's VNet namespace, and its pod network echoes on
 * each running group's ports, so the bytes really travel node to pod IP and back.
 */
@RealCluster
class AciPortForwardE2E {
  private static final String NODE = "vk-aci-pf-e2e";
  private static final String APP = "aci-pf-echo";
  private static final int PORT = 8080;

  private static ControlPlane cp;
  private static CloudCluster cluster;
  private static AciVnet vnet;
  private static AciEmulator aci;
  private static CloudNode node;

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    cp = controlPlane;
    cluster = new CloudCluster(cp);
    vnet = AciVnet.up(cp);
    aci = CloudNode.aciEmulator(vnet.options());
    node = CloudNode.azure(cp, aci, NODE, 10295);
  }

  @AfterAll
  static void stop() {
    if (cp != null) {
      cp.kubectl("delete", "pod", "-l", "app=" + APP, "--wait=false");
      cp.kubectl("delete", "service", APP, "--wait=false");
    }
    CloudNode.stop(node, aci, vnet);
  }

  @Test
  @DisplayName(
      "kubectl port-forward pod/x LOCAL:8080 to an ACI pod in VNet mode: 256 KiB go to the pod IP"
          + " and come back intact")
  void portForwardRoundTrip() throws Exception {
    cluster.apply(pod("echo-0"));
    List<V1Pod> running = cluster.awaitRunning(APP, NODE, 1, CloudCluster.PATIENCE);
    String podIp = running.get(0).getStatus().getPodIP();
    assertThat(vnet.contains(podIp)).as("pod IP %s in the VNet %s", podIp, vnet.subnet).isTrue();
    // A valid pod IP: a Service's EndpointSlice takes it.
    cluster.apply(service());
    await("the Service's EndpointSlice lists the pod IP")
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                cp.kubectl(
                        "get",
                        "endpointslices",
                        "-l",
                        "kubernetes.io/service-name=" + APP,
                        "-o",
                        "jsonpath={.items[*].endpoints[*].addresses[*]}")
                    .orThrow()
                    .stdout(),
            podIp::equals);

    int local = freePort();
    try (BackgroundCommand forward =
        cp.kubectlInBackground("port-forward", "pod/echo-0", local + ":" + PORT)) {
      await("kubectl port-forward listening")
          .atMost(Duration.ofSeconds(60))
          .until(() -> forward.output().contains("Forwarding from 127.0.0.1:" + local));
      byte[] payload = new byte[256 * 1024];
      new Random(4).nextBytes(payload);

      byte[] echoed = roundTrip(local, payload);

      assertThat(Arrays.equals(echoed, payload))
          .as(
              "echoed %d of %d bytes; kubectl said: %s",
              echoed.length, payload.length, forward.output())
          .isTrue();
      // A second connection through the same session works too (one node connection each).
      assertThat(roundTrip(local, "again".getBytes(StandardCharsets.UTF_8)))
          .asString(StandardCharsets.UTF_8)
          .isEqualTo("again");
    }
  }

  /** Sends {@code payload}, half-closes, and reads until the pod's side ends the stream. */
  private static byte[] roundTrip(int port, byte[] payload) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(60_000);
      CompletableFuture<Void> writer =
          CompletableFuture.runAsync(
              () -> {
                try {
                  OutputStream out = socket.getOutputStream();
                  out.write(payload);
                  out.flush();
                  socket.shutdownOutput();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      InputStream in = socket.getInputStream();
      byte[] echoed = in.readNBytes(payload.length);
      writer.get(60, TimeUnit.SECONDS);
      return echoed;
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static String service() {
    return """
        apiVersion: v1
        kind: Service
        metadata: {name: %s, namespace: default}
        spec:
          selector: {app: %s}
          ports:
          - port: %d
        """
        .formatted(APP, APP, PORT);
  }

  private static String pod(String name) {
    return """
        apiVersion: v1
        kind: Pod
        metadata:
          name: %s
          namespace: default
          labels: {app: %s}
        spec:
          nodeSelector:
            kubernetes.io/hostname: %s
          tolerations:
          - key: virtual-kubelet.io/provider
            operator: Equal
            value: azure
            effect: NoSchedule
          containers:
          - name: echo
            image: mcr.microsoft.com/azuredocs/aci-helloworld
            ports:
            - containerPort: %d
        """
        .formatted(name, APP, NODE, PORT);
  }
}
