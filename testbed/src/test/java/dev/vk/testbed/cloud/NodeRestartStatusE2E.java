package dev.vk.testbed.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vk.testbed.cluster.ControlPlane;
import dev.vk.testbed.cluster.NodeReadyWatch;
import dev.vk.testbed.cluster.PodReadyWatch;
import dev.vk.testbed.cluster.RealCluster;
import io.kubernetes.client.openapi.models.V1Pod;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A cloud node killed with SIGKILL and started again with the same flags, as an upgrade or a crash
 * does: its pods stay Running and Ready throughout (Services keep their endpoints), the same pods
 * are adopted, and nothing is created again at the cloud. The node comes back before its lease
 * expires, so the control plane itself has no reason to mark the pods not ready.
 */
@RealCluster
class NodeRestartStatusE2E {
  private static final String ACI_NODE = "vk-aci-restart";
  private static final String FARGATE_NODE = "vk-fargate-restart";
  private static final String SUITE = "restart-status-e2e";

  private static ControlPlane cp;
  private static CloudCluster cluster;
  private static TwoClouds clouds;

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    cp = controlPlane;
    cluster = new CloudCluster(cp);
    clouds = TwoClouds.start(cp, ACI_NODE, 10283, FARGATE_NODE, 10284);
  }

  @AfterEach
  void removeDeployments() {
    cluster.deleteDeployments(SUITE);
  }

  @AfterAll
  static void stop() {
    TwoClouds.stop(clouds);
  }

  @Test
  @DisplayName(
      "kill -9 and restart of an azure node: its pods never leave Running/Ready, the same pods"
          + " are adopted and no container group is created again")
  void aciPodsStayReady() {
    staysReadyAcrossRestart(
        clouds.aciNode,
        "azure",
        "aci-steady",
        "mcr.microsoft.com/azuredocs/aci-helloworld",
        () -> clouds.aci.calls().count("containerGroups.createOrUpdate"),
        () -> clouds.aci.calls().count("containerGroups.listByResourceGroup"));
  }

  @Test
  @DisplayName(
      "kill -9 and restart of a fargate node: its pods never leave Running/Ready, the same pods"
          + " are adopted and no task is run again")
  void fargatePodsStayReady() {
    staysReadyAcrossRestart(
        clouds.fargateNode,
        "fargate",
        "fg-steady",
        "public.ecr.aws/nginx/nginx:stable",
        () -> clouds.ecs.calls().count("RunTask"),
        () -> clouds.ecs.calls().count("ListTasks"));
  }

  /**
   * @param creates the cloud's count of create calls
   * @param listings the cloud's count of the listing calls the node's status rounds make
   */
  private void staysReadyAcrossRestart(
      CloudNode node,
      String provider,
      String app,
      String image,
      LongSupplier creates,
      LongSupplier listings) {
    cluster.apply(CloudCluster.deployment(SUITE, app, node.name, provider, 2, image, null));
    cluster.awaitRunning(app, node.name, 2, CloudCluster.PATIENCE);
    try (PodReadyWatch watch = PodReadyWatch.start(cp, "default", "app=" + app);
        NodeReadyWatch nodeWatch = NodeReadyWatch.start(cp, node.name)) {
      await("both pods seen Running and Ready")
          .atMost(CloudCluster.PATIENCE)
          .untilAsserted(() -> assertThat(watch.readyPods()).as(watch.transcript()).isEqualTo(2));
      Set<String> uids = CloudCluster.uids(cluster.pods("app=" + app));
      long created = creates.getAsLong();

      node.process.kill();
      long listedBefore = listings.getAsLong();
      node.process.restart();
      await("the restarted node reconciled and ran three status rounds")
          .atMost(CloudCluster.PATIENCE)
          .pollInterval(Duration.ofMillis(200))
          .until(() -> reconciledAgain(node) && listings.getAsLong() >= listedBefore + 3);

      assertThat(watch.alive()).as("the watch ran throughout").isTrue();
      String context =
          "watch:%n%s%nnode log:%n%s".formatted(watch.transcript(), node.process.logTail());
      assertThat(watch.phaseFlips()).as("pods that left Running; %s", context).isEmpty();
      // A restarted node renews its Lease before anything else, well within the
      // controller-manager's
      // grace period, so the node stays Ready and so must its pods.
      assertThat(nodeWatch.stayedReady()).as("the node stayed Ready; %s", context).isTrue();
      assertThat(watch.flips()).as("pods that left Running/Ready; %s", context).isEmpty();
      await("pods Ready again")
          .atMost(CloudCluster.PATIENCE)
          .until(() -> cluster.pods("app=" + app).stream().allMatch(NodeRestartStatusE2E::ready));
      List<V1Pod> after = cluster.pods("app=" + app);
      assertThat(CloudCluster.uids(after)).as("the same pods, adopted").isEqualTo(uids);
      assertThat(cluster.running(app, node.name)).hasSize(2);
      assertThat(creates.getAsLong()).as("nothing created again at the cloud").isEqualTo(created);
    }
  }

  private static boolean ready(V1Pod pod) {
    return pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** The second start's startup reconcile finished (the log keeps both runs). */
  private static boolean reconciledAgain(CloudNode node) throws Exception {
    return Files.readAllLines(node.process.log()).stream()
            .filter(l -> l.contains("Startup reconcile done"))
            .count()
        >= 2;
  }
}
