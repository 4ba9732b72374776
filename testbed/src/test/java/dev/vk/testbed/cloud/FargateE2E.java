package dev.vk.testbed.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vk.emulator.aci.AciEmulator;
import dev.vk.emulator.ecs.EcsEmulator;
import dev.vk.emulator.ecs.fault.CallLog;
import dev.vk.testbed.cluster.BackgroundCommand;
import dev.vk.testbed.cluster.CommandResult;
import dev.vk.testbed.cluster.ControlPlane;
import dev.vk.testbed.cluster.RealCluster;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Taint;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A second virtual node, provider {@code fargate} against the ECS emulator, running beside an
 * {@code azure} node on the same real control plane.
 */
@RealCluster
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FargateE2E {
  private static final String FARGATE_NODE = "vk-fargate-e2e";
  private static final String ACI_NODE = "vk-aci-beside";
  private static final String SUITE = "fargate-e2e";
  private static final String IMAGE = "public.ecr.aws/nginx/nginx:stable";

  /** The emulator runs a task about a second after RunTask; a minute is plenty, even throttled. */
  private static final Duration FARGATE_PATIENCE = Duration.ofSeconds(90);

  private static ControlPlane cp;
  private static CloudCluster cluster;
  private static AciEmulator aci;
  private static EcsEmulator ecs;
  private static EcsTasks tasks;
  private static ArmGroups arm;
  private static CloudNode aciNode;
  private static CloudNode fargateNode;

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    cp = controlPlane;
    cluster = new CloudCluster(cp);
    aci = CloudNode.aciEmulator();
    arm = new ArmGroups(aci);
    ecs = CloudNode.ecsEmulator();
    tasks = new EcsTasks(ecs);
    aciNode = CloudNode.azure(cp, aci, ACI_NODE, 10281);
    fargateNode = CloudNode.fargate(cp, ecs, FARGATE_NODE, 10282);
  }

  @AfterEach
  void removeDeployments() {
    ecs.faults().clear();
    cluster.deleteDeployments(SUITE);
  }

  @AfterAll
  static void stop() {
    CloudNode.stop(fargateNode, aciNode, ecs, aci);
  }

  @Test
  @Order(1)
  @DisplayName(
      "beside a Ready azure node, a Deployment aimed at the Ready fargate node runs as one ECS"
          + " task per pod, and each node runs only its own pods")
  void deploymentRunsAsTasksBesideAci() {
    assertThat(taintValue(FARGATE_NODE)).isEqualTo("fargate");
    assertThat(taintValue(ACI_NODE)).isEqualTo("azure");
    cluster.apply(
        CloudCluster.deployment(
            SUITE,
            "aci-side",
            ACI_NODE,
            "azure",
            1,
            "mcr.microsoft.com/azuredocs/aci-helloworld",
            null));
    cluster.apply(
        CloudCluster.deployment(SUITE, "fg-web", FARGATE_NODE, "fargate", 3, IMAGE, null));

    List<V1Pod> fargatePods = cluster.awaitRunning("fg-web", FARGATE_NODE, 3, FARGATE_PATIENCE);
    List<V1Pod> aciPods = cluster.awaitRunning("aci-side", ACI_NODE, 1, CloudCluster.PATIENCE);
    assertThat(cluster.ready(ACI_NODE)).isEqualTo("True");
    assertThat(cluster.ready(FARGATE_NODE)).isEqualTo("True");

    List<JsonNode> running = tasks.startedBy(FARGATE_NODE, "RUNNING");
    List<JsonNode> web =
        running.stream()
            .filter(t -> t.path("taskDefinitionArn").asText().contains("-default-fg-web-"))
            .toList();
    assertThat(web).as("RUNNING tasks of fg-web: %s", running).hasSize(3);
    assertThat(web.stream().map(t -> EcsTasks.tag(t, "vk.dev/pod-uid")).toList())
        .as("one task per pod")
        .containsExactlyInAnyOrderElementsOf(CloudCluster.uids(fargatePods));
    for (V1Pod pod : fargatePods) {
      JsonNode task =
          web.stream()
              .filter(t -> pod.getMetadata().getUid().equals(EcsTasks.tag(t, "vk.dev/pod-uid")))
              .findFirst()
              .orElseThrow();
      assertThat(task.path("lastStatus").asText()).isEqualTo("RUNNING");
      assertThat(EcsTasks.tag(task, "vk.dev/pod-name")).isEqualTo(pod.getMetadata().getName());
      String eniIp =
          task.path("containers")
              .path(0)
              .path("networkInterfaces")
              .path(0)
              .path("privateIpv4Address")
              .asText();
      assertThat(pod.getStatus().getPodIP()).as("pod IP = the task's ENI IP").isEqualTo(eniIp);
    }
    assertThat(running)
        .as("no task for the pod the azure node runs")
        .noneMatch(t -> t.path("taskDefinitionArn").asText().contains("aci-side"));
    assertThat(arm.named("default-aci-side-").values())
        .extracting(g -> ArmGroups.tag(g, "pod-name"))
        .containsExactly(aciPods.get(0).getMetadata().getName());
    assertThat(arm.named("default-fg-web-")).as("no group for the fargate pods").isEmpty();

    cluster.assertShownWide("fg-web", FARGATE_NODE, fargatePods);
  }

  @Test
  @Order(2)
  @DisplayName("kubectl logs -f follows a Fargate container's CloudWatch stream")
  void logsFollow() {
    V1Pod pod = oneTaskRunning("fg-tail");
    cluster.assertLogsFollow(pod);
  }

  @Test
  @Order(3)
  @DisplayName("kubectl exec -it runs an interactive shell in a Fargate task, following a resize")
  void execInteractiveTerminal() throws Exception {
    V1Pod pod = oneTaskRunning("fg-shell");
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
            pod.getMetadata().getName(),
            "--",
            "sh");
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    List.of("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy")
        .forEach(pb.environment()::remove);
    Process p = pb.start();
    String transcript = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(transcript).isZero();
    assertThat(transcript).contains("24 80").contains("40 132");
  }

  @Test
  @Order(4)
  @DisplayName(
      "restartPolicy Always restarts a crashing container: the same pod shows RESTARTS >= 1")
  void crashingContainerRestarts() {
    V1Pod pod = oneRunningOrCrashing("fg-crash", "[\"sh\", \"-c\", \"exit 1\"]");
    String name = pod.getMetadata().getName();
    await("kubectl get pod shows a restart")
        .atMost(FARGATE_PATIENCE)
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> restartsShown(name) >= 1);
    V1Pod now = cluster.pod(name);
    assertThat(now.getMetadata().getUid()).as("the same pod").isEqualTo(pod.getMetadata().getUid());
    assertThat(now.getStatus().getContainerStatuses().get(0).getLastState().getTerminated())
        .as("the crash is kept as lastState")
        .isNotNull()
        .satisfies(t -> assertThat(t.getExitCode()).isEqualTo(1));
    assertThat(tasks.ofDeployment(FARGATE_NODE, "fg-crash"))
        .as("a replacement task was launched for the restart")
        .hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  @Order(5)
  @DisplayName("with 20% of ECS calls throttled every pod still runs, one task each")
  void convergesUnderThrottling() {
    ecs.calls().reset();
    ecs.faults().throttlePercent("*", 20);
    cluster.apply(
        CloudCluster.deployment(SUITE, "fg-throttled", FARGATE_NODE, "fargate", 5, IMAGE, null));
    List<V1Pod> pods = cluster.awaitRunning("fg-throttled", FARGATE_NODE, 5, FARGATE_PATIENCE);
    List<CallLog.Call> timeline = ecs.calls().timeline();
    ecs.faults().clear();

    assertThat(timeline.stream().filter(c -> "ThrottlingException".equals(c.errorType())))
        .as("throttling was injected")
        .isNotEmpty();
    List<JsonNode> all = tasks.ofDeployment(FARGATE_NODE, "fg-throttled");
    assertThat(all).as("tasks ever started for fg-throttled: %s", all).hasSize(5);
    assertThat(all.stream().map(t -> EcsTasks.tag(t, "vk.dev/pod-uid")).toList())
        .containsExactlyInAnyOrderElementsOf(CloudCluster.uids(pods));
  }

  @Test
  @Order(6)
  @DisplayName(
      "a fargate node killed mid-rollout and restarted leaves no orphan and no duplicate task")
  void killMidRolloutNoOrphanNoDuplicate() {
    cluster.apply(
        CloudCluster.deployment(SUITE, "fg-rollout", FARGATE_NODE, "fargate", 0, IMAGE, null));
    // Slow RunTask down so that the kill lands while some tasks exist and others do not.
    ecs.faults().addLatency("RunTask", Duration.ofMillis(1500));
    cp.kubectl("scale", "deployment", "fg-rollout", "--replicas=5").orThrow();
    await("the first tasks exist")
        .atMost(CloudCluster.PATIENCE)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> !tasks.ofDeployment(FARGATE_NODE, "fg-rollout").isEmpty());
    int atKill = tasks.ofDeployment(FARGATE_NODE, "fg-rollout").size();
    fargateNode.process.kill();
    ecs.faults().clear();
    fargateNode.process.restart();
    cluster.awaitReady(FARGATE_NODE);

    List<V1Pod> pods = cluster.awaitRunning("fg-rollout", FARGATE_NODE, 5, FARGATE_PATIENCE);
    List<JsonNode> all = tasks.ofDeployment(FARGATE_NODE, "fg-rollout");
    // Workers run RunTask in parallel, so all five may be on the wire at the kill: still
    // mid-rollout, since the killed node never read the answers.
    assertThat(atKill).as("tasks when the node was killed").isBetween(1, 5);
    assertThat(all)
        .as("every task ever started for the rollout (RUNNING and STOPPED): %s", all)
        .hasSize(5)
        .allSatisfy(t -> assertThat(t.path("lastStatus").asText()).isEqualTo("RUNNING"));
    assertThat(all.stream().map(t -> EcsTasks.tag(t, "vk.dev/pod-uid")).toList())
        .as("no orphan, no duplicate: one task per API pod")
        .containsExactlyInAnyOrderElementsOf(CloudCluster.uids(pods));
  }

  @Test
  @Order(7)
  @DisplayName(
      "a pod whose ServiceAccount carries eks.amazonaws.com/role-arn runs with that task role,"
          + " kubectl shows its CapacityProvisioned annotation, and kubectl attach its output")
  void serviceAccountRoleCapacityAnnotationAndAttach() {
    String role = CloudNode.ALLOWED_ROLE;
    cp.kubectlWithInput(
            """
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: fg-irsa
              namespace: default
              annotations: {eks.amazonaws.com/role-arn: "%s"}
            """
                .formatted(role),
            "apply",
            "-f",
            "-")
        .orThrow();
    String deployment =
        CloudCluster.deployment(SUITE, "fg-irsa", FARGATE_NODE, "fargate", 1, IMAGE, null)
            .replaceFirst("(\\n\\s*)nodeSelector:", "$1serviceAccountName: fg-irsa$1nodeSelector:");
    cluster.apply(deployment);
    V1Pod pod = cluster.awaitRunning("fg-irsa", FARGATE_NODE, 1, FARGATE_PATIENCE).get(0);
    String name = pod.getMetadata().getName();

    JsonNode task = tasks.ofDeployment(FARGATE_NODE, "fg-irsa").get(0);
    assertThat(
            tasks
                .taskDefinition(task.path("taskDefinitionArn").asText())
                .path("taskRoleArn")
                .asText())
        .as("the ServiceAccount's role")
        .isEqualTo(role);
    await("the CapacityProvisioned annotation")
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                cp.kubectl(
                        "get",
                        "pod",
                        name,
                        "-o",
                        "jsonpath={.metadata.annotations.CapacityProvisioned}")
                    .orThrow()
                    .stdout(),
            "0.25vCPU 0.5GB"::equals);
    try (BackgroundCommand attach = cp.kubectlInBackground("attach", name)) {
      await("output written after attaching")
          .atMost(Duration.ofSeconds(60))
          .until(() -> CloudCluster.ticks(attach.output()).size() >= 2);
      assertThat(attach.alive()).as("still attached: %s", attach.output()).isTrue();
    }
    CommandResult withStdin = cp.kubectl("attach", "-i", name);
    assertThat(withStdin.exitCode()).isNotZero();
    assertThat(withStdin.stderr()).contains("ECS cannot write to a task's main process");
  }

  @Test
  @Order(7)
  @DisplayName(
      "a task role outside fargate-identity-allowlist, named by a ServiceAccount or by a pod"
          + " annotation alone, is refused with reason IdentityNotAllowed and an Event naming it;"
          + " no task starts")
  void taskRoleOutsideTheAllowlistIsRefused() {
    String denied = "arn:aws:iam::123456789012:role/fg-admin";
    cluster.serviceAccount("fg-denied", "eks.amazonaws.com/role-arn", denied);
    cluster.apply(
        CloudCluster.withServiceAccount(
            CloudCluster.deployment(SUITE, "fg-denied", FARGATE_NODE, "fargate", 1, IMAGE, null),
            "fg-denied"));
    assertThat(cluster.awaitRefused("fg-denied", "IdentityNotAllowed"))
        .as("status message and Event")
        .allSatisfy(m -> assertThat(m).contains(denied).contains("fargate-identity-allowlist"));

    cluster.apply(
        CloudCluster.withPodAnnotation(
            CloudCluster.deployment(SUITE, "fg-anno", FARGATE_NODE, "fargate", 1, IMAGE, null),
            "fargate.vk.dev/task-role-arn",
            CloudNode.ALLOWED_ROLE));
    assertThat(cluster.awaitRefused("fg-anno", "IdentityNotAllowed"))
        .allSatisfy(
            m -> assertThat(m).contains(CloudNode.ALLOWED_ROLE).contains("may only narrow"));
    assertThat(tasks.ofDeployment(FARGATE_NODE, "fg-denied")).isEmpty();
    assertThat(tasks.ofDeployment(FARGATE_NODE, "fg-anno")).isEmpty();
  }

  @Test
  @Order(8)
  @DisplayName(
      "a Fargate pod sees its configMap volume and the default kube-api-access files (namespace"
          + " and a token of its service account the API server accepts) through kubectl exec")
  void volumesAndServiceAccountToken() throws Exception {
    cp.kubectlWithInput(
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: fg-config, namespace: default}
            data: {greeting: hello from a configMap}
            """,
            "apply",
            "-f",
            "-")
        .orThrow();
    String deployment =
        CloudCluster.deployment(SUITE, "fg-files", FARGATE_NODE, "fargate", 1, IMAGE, null)
            .replaceFirst(
                "(\\n(\\s*))nodeSelector:",
                "$1volumes:$1- name: config$1  configMap: {name: fg-config}$1nodeSelector:")
            .replaceFirst(
                "(\\n(\\s*))image: (.*)",
                "$1image: $3$1volumeMounts:$1- {name: config, mountPath: /etc/config}");
    cluster.apply(deployment);
    V1Pod pod = cluster.awaitRunning("fg-files", FARGATE_NODE, 1, FARGATE_PATIENCE).get(0);
    String name = pod.getMetadata().getName();
    String dir = "/var/run/secrets/kubernetes.io/serviceaccount/";

    assertThat(
            cp.kubectl("exec", name, "--", "cat", "/etc/config/greeting")
                .orThrow()
                .stdout()
                .strip())
        .isEqualTo("hello from a configMap");
    assertThat(cp.kubectl("exec", name, "--", "cat", dir + "namespace").orThrow().stdout().strip())
        .isEqualTo("default");
    String token = cp.kubectl("exec", name, "--", "cat", dir + "token").orThrow().stdout().strip();
    cluster.assertPodToken(token, pod);
  }

  /**
   * A one-pod Deployment whose ECS task is RUNNING. Logs and exec wait for the task rather than for
   * the pod's phase, so that they test streaming only (the status is asserted by the other tests).
   */
  private V1Pod oneTaskRunning(String app) {
    cluster.apply(CloudCluster.deployment(SUITE, app, FARGATE_NODE, "fargate", 1, IMAGE, null));
    await(app + "'s task RUNNING")
        .atMost(FARGATE_PATIENCE)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                cluster.pods("app=" + app).size() == 1
                    && tasks.ofDeployment(FARGATE_NODE, app).stream()
                        .anyMatch(t -> "RUNNING".equals(t.path("lastStatus").asText())));
    return cluster.pods("app=" + app).get(0);
  }

  /** A crashing pod may be between tasks when looked at; wait for it to be bound and started. */
  private V1Pod oneRunningOrCrashing(String app, String command) {
    cluster.apply(CloudCluster.deployment(SUITE, app, FARGATE_NODE, "fargate", 1, IMAGE, command));
    await(app + " started on " + FARGATE_NODE)
        .atMost(FARGATE_PATIENCE)
        .until(
            () ->
                cluster.pods("app=" + app).stream()
                    .anyMatch(p -> "Running".equals(p.getStatus().getPhase())));
    return cluster.pods("app=" + app).get(0);
  }

  /** The RESTARTS column of {@code kubectl get pod}, e.g. {@code 2 (5s ago)} -> 2. */
  private static int restartsShown(String pod) {
    String table = cp.kubectl("get", "pod", pod).orThrow().stdout();
    List<String> header = List.of(table.lines().findFirst().orElseThrow().split("\\s+"));
    String row = table.lines().skip(1).findFirst().orElseThrow();
    return Integer.parseInt(row.split("\\s+")[header.indexOf("RESTARTS")]);
  }

  private static String taintValue(String node) {
    List<V1Taint> taints = cluster.node(node).getSpec().getTaints();
    return taints == null
        ? null
        : taints.stream()
            .filter(t -> "virtual-kubelet.io/provider".equals(t.getKey()))
            .filter(t -> "NoSchedule".equals(t.getEffect()))
            .map(V1Taint::getValue)
            .filter(Objects::nonNull)
            .findFirst()
            .orElse(null);
  }
}
