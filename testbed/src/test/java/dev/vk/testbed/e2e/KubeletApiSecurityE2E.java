package dev.vk.testbed.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vk.testbed.cluster.CommandResult;
import dev.vk.testbed.cluster.ControlPlane;
import dev.vk.testbed.cluster.RealCluster;
import io.kubernetes.client.openapi.models.V1Pod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The kubelet API's own endpoints and who may use them. */
@RealCluster
class KubeletApiSecurityE2E {
  private static final String NODE = "vk-e2e-secure";
  private static final int PORT = 10268;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static ControlPlane cp;
  private static MockNode node;
  private static V1Pod pod;

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    cp = controlPlane;
    node = MockNode.start(cp, NODE, PORT);
    pod = Workloads.runningPod(cp, NODE, "guarded", "Always", Map.of());
  }

  @AfterAll
  static void stop() {
    MockNode.stop(node);
  }

  private static String raw(String path) {
    return cp.kubectl("get", "--raw", "/api/v1/nodes/" + NODE + "/proxy" + path).orThrow().stdout();
  }

  @Test
  @DisplayName("/pods and /runningpods/ list the node's pods through the API server's node proxy")
  void podLists() throws Exception {
    assertThat(JSON.readTree(raw("/pods")).path("items").findValuesAsText("uid"))
        .contains(pod.getMetadata().getUid());
    assertThat(JSON.readTree(raw("/runningpods/")).path("items").findValuesAsText("name"))
        .contains("guarded");
  }

  @Test
  @DisplayName(
      "/stats/summary names the node and the pod with its UID; /metrics/resource has the kubelet's series")
  void stats() throws Exception {
    JsonNode summary = JSON.readTree(raw("/stats/summary"));
    assertThat(summary.path("node").path("nodeName").asText()).isEqualTo(NODE);
    assertThat(summary.path("pods").findValues("podRef"))
        .anySatisfy(
            ref -> assertThat(ref.path("uid").asText()).isEqualTo(pod.getMetadata().getUid()));
    String metrics = raw("/metrics/resource");
    assertThat(metrics)
        .contains("pod_cpu_usage_seconds_total{namespace=\"default\",pod=\"guarded\"}")
        .contains(
            "container_cpu_usage_seconds_total{container=\"app\",namespace=\"default\",pod=\"guarded\"}")
        .contains("node_memory_working_set_bytes");
  }

  @Test
  @DisplayName("an anonymous request straight to the node port gets 401 with a Status body")
  void anonymous() throws Exception {
    List<String> out = curl(List.of(), "/pods");
    assertThat(out.get(out.size() - 1)).isEqualTo("401");
    assertThat(JSON.readTree(out.get(0)).path("kind").asText()).isEqualTo("Status");
  }

  @Test
  @DisplayName("the API server's kubelet client certificate is allowed straight at the node port")
  void apiServerCertificate() {
    Path pki = cp.stateDir().resolve("pki");
    List<String> out =
        curl(
            List.of(
                "--cert",
                pki.resolve("apiserver-kubelet-client.crt").toString(),
                "--key",
                pki.resolve("apiserver-kubelet-client.key").toString()),
            "/pods");
    assertThat(out.get(out.size() - 1)).isEqualTo("200");
  }

  @Test
  @DisplayName(
      "a user without nodes/proxy rights gets 403: from the node for its token, from the API server for exec and logs")
  void forbidden() throws Exception {
    cp.kubectl("create", "serviceaccount", "nobody", "-n", "default").orThrow();
    // It may read pods, so what it is refused is exactly exec and logs.
    cp.kubectl(
            "create", "role", "pod-reader", "--verb=get,list", "--resource=pods", "-n", "default")
        .orThrow();
    cp.kubectl(
            "create",
            "rolebinding",
            "nobody-reads",
            "--role=pod-reader",
            "--serviceaccount=default:nobody",
            "-n",
            "default")
        .orThrow();
    String token =
        cp.kubectl("create", "token", "nobody", "-n", "default").orThrow().stdout().trim();
    List<String> direct =
        curl(List.of("-H", "Authorization: Bearer " + token), "/containerLogs/default/guarded/app");
    assertThat(direct.get(direct.size() - 1)).isEqualTo("403");
    assertThat(JSON.readTree(direct.get(0)).path("reason").asText()).isEqualTo("Forbidden");

    Path kubeconfig = cp.tokenKubeconfig(token, Files.createTempFile("nobody", ".kubeconfig"));
    CommandResult exec = cp.kubectlAs(kubeconfig, "exec", "guarded", "--", "echo", "hi");
    assertThat(exec.exitCode()).isNotZero();
    assertThat(exec.stderr()).contains("Forbidden").contains("pods/exec");
    CommandResult logs = cp.kubectlAs(kubeconfig, "logs", "guarded");
    assertThat(logs.exitCode()).isNotZero();
    assertThat(logs.stderr()).contains("Forbidden").contains("pods/log");
  }

  /** curl straight to the kubelet API: the body, then the status code on the last line. */
  private static List<String> curl(List<String> extra, String path) {
    List<String> command = new ArrayList<>(List.of("curl", "-sk", "-w", "\n%{http_code}"));
    command.addAll(extra);
    command.add("https://" + cp.nodeAddress() + ":" + PORT + path);
    try {
      Process p = new ProcessBuilder(command).start();
      String out = new String(p.getInputStream().readAllBytes());
      p.waitFor();
      return out.lines().toList();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
