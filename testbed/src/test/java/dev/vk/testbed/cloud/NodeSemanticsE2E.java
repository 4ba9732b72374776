package dev.vk.testbed.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vk.testbed.cluster.ControlPlane;
import dev.vk.testbed.cluster.RealCluster;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two kubelet semantics every node keeps, on an azure and a fargate node of a real control plane:
 * {@code /runningpods/} lists only pods whose containers run, and the node's own writes on a pod
 * (status, the annotations it adds) never come back as a provider update.
 */
@RealCluster
class NodeSemanticsE2E {
  private static final String ACI_NODE = "vk-aci-sem";
  private static final String FARGATE_NODE = "vk-fargate-sem";
  private static final String SUITE = "node-semantics";

  /** The user-visible guarantee: a pod leaves /runningpods/ within this of leaving the API. */
  private static final Duration LEAVES_LIST_WITHIN = Duration.ofSeconds(1);

  private static final ObjectMapper JSON = new ObjectMapper();

  private static ControlPlane cp;
  private static CoreV1Api api;
  private static TwoClouds clouds;

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    cp = controlPlane;
    api = new CoreV1Api(cp.apiClient());
    clouds = TwoClouds.start(cp, ACI_NODE, 10296, FARGATE_NODE, 10297);
  }

  @AfterAll
  static void stop() {
    cp.kubectl("delete", "pods", "-l", CloudCluster.SUITE_LABEL + "=" + SUITE, "--wait=false");
    TwoClouds.stop(clouds);
  }

  @Test
  @DisplayName(
      "azure: a deleted pod leaves /runningpods/ within a second of leaving the API; /pods and"
          + " /runningpods/ list it while it runs")
  void aciDeletedPodLeavesRunningPods() throws Exception {
    leavesRunningPods(
        ACI_NODE, "azure", "aci-gone", "mcr.microsoft.com/azuredocs/aci-helloworld", null);
  }

  @Test
  @DisplayName(
      "fargate: a deleted pod leaves /runningpods/ within a second of leaving the API; /pods and"
          + " /runningpods/ list it while it runs")
  void fargateDeletedPodLeavesRunningPods() throws Exception {
    leavesRunningPods(
        FARGATE_NODE, "fargate", "fg-gone", "public.ecr.aws/nginx/nginx:stable", null);
  }

  @Test
  @DisplayName(
      "fargate: a fresh pod has only the node's create Event (no ProviderUpdateSuccess from the"
          + " node's own CapacityProvisioned annotation); a user's annotation change gets one")
  void noSelfInflictedUpdate() throws Exception {
    String name = "fg-events";
    createPod(FARGATE_NODE, "fargate", name, "public.ecr.aws/nginx/nginx:stable", null);
    await(name + " Running with its CapacityProvisioned annotation")
        .atMost(CloudCluster.PATIENCE)
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              V1Pod pod = readPod(name);
              Map<String, String> annotations = pod.getMetadata().getAnnotations();
              return "Running".equals(pod.getStatus().getPhase())
                  && annotations != null
                  && annotations.containsKey("CapacityProvisioned");
            });
    // The spurious update followed the annotation at once; it must not come at all.
    await("no update Event while nobody changes " + name)
        .during(Duration.ofSeconds(5))
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> nodeEvents(name), e -> e.equals(List.of("ProviderCreateSuccess")));

    cp.kubectl("annotate", "pod", name, "team=payments").orThrow();
    await("one ProviderUpdateSuccess Event after the user's change")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> nodeEvents(name),
            e -> e.equals(List.of("ProviderCreateSuccess", "ProviderUpdateSuccess")));
  }

  private static void leavesRunningPods(
      String node, String provider, String name, String image, String command) throws Exception {
    V1Pod created = createPod(node, provider, name, image, command);
    String uid = created.getMetadata().getUid();
    await(name + " Running")
        .atMost(CloudCluster.PATIENCE)
        .pollInterval(Duration.ofMillis(300))
        .until(() -> "Running".equals(readPod(name).getStatus().getPhase()));
    await(name + " listed in /runningpods/")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(300))
        .until(() -> listedUids(node, "/runningpods/").contains(uid));
    assertThat(listedUids(node, "/pods")).contains(uid);

    cp.kubectl("delete", "pod", name, "--wait=false").orThrow();
    await(name + " gone from the API")
        .atMost(CloudCluster.PATIENCE)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> gone(name));
    Instant goneFromApi = Instant.now();
    await(name + " gone from /runningpods/ of " + node)
        .atMost(LEAVES_LIST_WITHIN)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> !listedUids(node, "/runningpods/").contains(uid));
    assertThat(Duration.between(goneFromApi, Instant.now())).isLessThan(LEAVES_LIST_WITHIN);
    assertThat(listedUids(node, "/pods")).doesNotContain(uid);
  }

  private static V1Pod createPod(
      String node, String provider, String name, String image, String command) throws ApiException {
    cp.kubectlWithInput(
            CloudCluster.pod(SUITE, name, node, provider, image, command), "apply", "-f", "-")
        .orThrow();
    return readPod(name);
  }

  private static V1Pod readPod(String name) throws ApiException {
    return api.readNamespacedPod(name, "default").execute();
  }

  private static boolean gone(String name) throws ApiException {
    try {
      readPod(name);
      return false;
    } catch (ApiException e) {
      if (e.getCode() == 404) {
        return true;
      }
      throw e;
    }
  }

  /** The UIDs a node's kubelet API lists, read through the API server's node proxy. */
  private static List<String> listedUids(String node, String path) throws Exception {
    String body = api.connectGetNodeProxyWithPath(node, path.substring(1)).execute();
    return JSON.readTree(body).path("items").findValuesAsText("uid");
  }

  /** The reasons of the Events on the pod except the scheduler's Scheduled, sorted. */
  private static List<String> nodeEvents(String pod) {
    String out =
        cp.kubectl(
                "get",
                "events",
                "--field-selector",
                "involvedObject.name=" + pod,
                "-o",
                "jsonpath={range .items[*]}{.reason}{\"\\n\"}{end}")
            .orThrow()
            .stdout();
    return out.lines().filter(l -> !l.isBlank() && !"Scheduled".equals(l)).sorted().toList();
  }
}
