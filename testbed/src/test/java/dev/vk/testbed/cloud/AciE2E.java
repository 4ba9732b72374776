package dev.vk.testbed.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vk.emulator.aci.AciEmulator;
import dev.vk.emulator.aci.faults.Call;
import dev.vk.emulator.aci.faults.FaultRule;
import dev.vk.testbed.cluster.CommandResult;
import dev.vk.testbed.cluster.ControlPlane;
import dev.vk.testbed.cluster.RealCluster;
import io.kubernetes.client.openapi.models.V1Pod;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The node with provider {@code azure} on the real control plane, against the ARM emulator: what a
 * user of AKS virtual nodes sees with kubectl, and what lands in Azure.
 */
@RealCluster
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AciE2E {
  private static final String NODE = "vk-aci-e2e";
  private static final String SUITE = "aci-e2e";
  private static final String IMAGE = "mcr.microsoft.com/azuredocs/aci-helloworld";

  /** The annotation that names managed identities, on a ServiceAccount or a pod. */
  private static final String IDENTITY_ANNOTATION = "azure.vk.dev/managed-identity";

  private static ControlPlane cp;
  private static CloudCluster cluster;
  private static AciEmulator aci;
  private static ArmGroups arm;
  private static CloudNode node;

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    cp = controlPlane;
    cluster = new CloudCluster(cp);
    aci = CloudNode.aciEmulator();
    arm = new ArmGroups(aci);
    node = CloudNode.azure(cp, aci, NODE, 10280);
  }

  @AfterEach
  void removeDeployments() {
    aci.faults().clear();
    cluster.deleteDeployments(SUITE);
  }

  @AfterAll
  static void stop() {
    CloudNode.stop(node, aci);
  }

  @Test
  @Order(1)
  @DisplayName(
      "3 replicas of aci-helloworld run as 3 container groups default-<pod>-<hash> of 1 core / 1.5 GB,"
          + " and kubectl get pods -o wide shows the node and the groups' IPs")
  void helloworldRunsAsContainerGroups() {
    // As a user writes it: the pods also get the default service-account token volume.
    cluster.apply(CloudCluster.deployment(SUITE, "hello", NODE, "azure", 3, IMAGE, null));
    List<V1Pod> pods = cluster.awaitRunning("hello", NODE, 3, CloudCluster.PATIENCE);

    Map<String, JsonNode> groups = arm.named("default-hello-");
    assertThat(groups.keySet())
        .as("one group per pod, named <namespace>-<pod>-<hash of cluster and pod>")
        .hasSize(3)
        .allSatisfy(
            name ->
                assertThat(pods)
                    .anySatisfy(
                        p ->
                            assertThat(name)
                                .matches(
                                    "default-" + p.getMetadata().getName() + "-[0-9a-f]{10}")));
    for (V1Pod pod : pods) {
      JsonNode group = onlyGroup(pod);
      assertThat(ArmGroups.tag(group, "pod-uid")).isEqualTo(pod.getMetadata().getUid());
      assertThat(
              group
                  .path("properties")
                  .path("containers")
                  .path(0)
                  .path("properties")
                  .path("image")
                  .asText())
          .isEqualTo(IMAGE);
      JsonNode requests = ArmGroups.requests(group);
      assertThat(requests.path("cpu").asDouble()).as("cpu of %s", group).isEqualTo(1.0);
      assertThat(requests.path("memoryInGB").asDouble()).as("memory of %s", group).isEqualTo(1.5);
      assertThat(pod.getStatus().getPodIP())
          .as("pod IP = the group's IP")
          .isEqualTo(group.path("properties").path("ipAddress").path("ip").asText());
    }

    cluster.assertShownWide("hello", NODE, pods);
  }

  @Test
  @Order(1)
  @DisplayName(
      "the default kube-api-access volume holds the namespace and a token of the pod's service"
          + " account, bound to the pod, that the API server accepts")
  void serviceAccountTokenIsMounted() throws Exception {
    V1Pod pod = oneRunning("token");
    JsonNode group = onlyGroup(pod);
    JsonNode volume = null;
    for (JsonNode v : group.path("properties").path("volumes")) {
      if (v.path("name").asText().startsWith("kube-api-access-")) {
        volume = v.path("secret");
      }
    }
    assertThat(volume).as("the projected volume as an ACI secret volume: %s", group).isNotNull();
    assertThat(decode(volume.path("namespace").asText())).isEqualTo("default");
    String token = decode(volume.path("token").asText());

    cluster.assertPodToken(token, pod);
  }

  private static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }

  @Test
  @Order(2)
  @DisplayName("kubectl logs -f follows the container: new lines keep arriving")
  void logsFollow() {
    V1Pod pod = oneRunning("tail");
    cluster.assertLogsFollow(pod);
  }

  @Test
  @Order(3)
  @DisplayName("kubectl exec -i <pod> -- /bin/sh runs the commands fed on stdin")
  void execShellFromStdin() {
    V1Pod pod = oneRunning("shell");
    CommandResult sh =
        cp.kubectlWithInput(
            "echo hello\nexit\n", "exec", "-i", pod.getMetadata().getName(), "--", "/bin/sh");
    assertThat(sh.exitCode()).as(sh.toString()).isZero();
    assertThat(sh.stdout().lines().map(String::strip))
        .as("the output of echo, not only the echoed keystrokes: %s", sh)
        .contains("hello");
  }

  @Test
  @Order(4)
  @DisplayName("deleting the Deployment deletes its container groups")
  void deleteDeletesGroups() {
    cluster.apply(CloudCluster.deployment(SUITE, "doomed", NODE, "azure", 2, IMAGE, null));

    cluster.awaitRunning("doomed", NODE, 2, CloudCluster.PATIENCE);
    assertThat(arm.named("default-doomed-")).hasSize(2);

    cp.kubectl("delete", "deployment", "doomed").orThrow();
    await("no doomed group left in the resource group")
        .atMost(CloudCluster.PATIENCE)
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              assertThat(cluster.pods("app=doomed")).isEmpty();
              assertThat(arm.named("default-doomed-")).isEmpty();
            });
  }

  @Test
  @Order(5)
  @DisplayName(
      "with ~20% of ARM calls failing (429 with Retry-After, 503) all pods still run,"
          + " and no call comes before a Retry-After")
  void convergesUnderThrottling() {
    aci.calls().reset();
    aci.faults()
        .inject(FaultRule.throttle(FaultRule.ANY, Duration.ofSeconds(1)).forPercentOfCalls(10));
    aci.faults().inject(FaultRule.error(FaultRule.ANY, 503).forPercentOfCalls(12));

    cluster.apply(CloudCluster.deployment(SUITE, "throttled", NODE, "azure", 5, IMAGE, null));

    List<V1Pod> pods = cluster.awaitRunning("throttled", NODE, 5, Duration.ofMinutes(3));

    // Requests already on the wire when a 429 is answered cannot be recalled; anything the
    // provider sends after it has read the 429 must wait for Retry-After.
    List<Call> violations = aci.calls().retryAfterViolations(Duration.ofMillis(50));
    List<Call> timeline = aci.calls().timeline();
    aci.faults().clear();
    long throttled = timeline.stream().filter(c -> c.injected() && c.status() == 429).count();
    long failed = timeline.stream().filter(c -> c.injected() && c.status() == 503).count();
    assertThat(throttled).as("429s injected").isPositive();
    assertThat(failed).as("503s injected").isPositive();
    assertThat(violations)
        .as("calls before Retry-After; 429s were %s", only429(timeline))
        .isEmpty();
    Map<String, JsonNode> groups = arm.named("default-throttled-");
    assertThat(groups.values().stream().map(g -> ArmGroups.tag(g, "pod-uid")).toList())
        .containsExactlyInAnyOrderElementsOf(CloudCluster.uids(pods));
  }

  @Test
  @Order(6)
  @DisplayName(
      "a node killed mid-rollout and restarted leaves no orphan and no duplicate:"
          + " one group per pod, each created once")
  void killMidRolloutNoOrphanNoDuplicate() {
    aci.calls().reset();
    cluster.apply(CloudCluster.deployment(SUITE, "rollout", NODE, "azure", 2, IMAGE, null));
    await("the first two groups exist")
        .atMost(CloudCluster.PATIENCE)
        .until(() -> arm.named("default-rollout-").size() == 2);
    // ARM holds the next three creates: the kill lands while they are in flight, asked for and
    // not yet answered, whatever the machine's speed. ARM carries them out after the node died.
    String held =
        aci.faults()
            .inject(
                FaultRule.latency("containerGroups.createOrUpdate", Duration.ofSeconds(5))
                    .forNextCalls(3));
    cp.kubectl("scale", "deployment", "rollout", "--replicas=5").orThrow();
    await("the three creates reach ARM")
        .atMost(CloudCluster.PATIENCE)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> !aci.faults().active().containsKey(held));
    int atKill = arm.named("default-rollout-").size();
    node.process.kill();
    node.process.restart();
    cluster.awaitReady(NODE);

    List<V1Pod> pods = cluster.awaitRunning("rollout", NODE, 5, Duration.ofMinutes(3));
    Map<String, JsonNode> groups = arm.named("default-rollout-");
    assertThat(atKill).as("groups when the node was killed, three creates in flight").isEqualTo(2);
    assertThat(groups.values().stream().map(g -> ArmGroups.tag(g, "pod-name")).toList())
        .as("no orphan: exactly the API's pods have groups")
        .containsExactlyInAnyOrderElementsOf(CloudCluster.names(pods));
    assertThat(groups.values().stream().map(g -> ArmGroups.tag(g, "pod-uid")).toList())
        .as("one group per pod UID")
        .containsExactlyInAnyOrderElementsOf(CloudCluster.uids(pods));

    List<Call> writes =
        aci.calls().timeline().stream()
            .filter(c -> c.uri().contains("/containerGroups/default-rollout-"))
            .filter(c -> c.method().equals("PUT") || c.method().equals("DELETE"))
            .toList();
    Map<String, Long> created =
        writes.stream()
            .filter(c -> c.method().equals("PUT") && c.status() == 201)
            .collect(Collectors.groupingBy(c -> groupName(c.uri()), Collectors.counting()));
    assertThat(created)
        .as("every group created exactly once (ARM answers 201 only to a creation): %s", writes)
        .hasSize(5)
        .allSatisfy((name, count) -> assertThat(count).isEqualTo(1L));
    assertThat(writes.stream().filter(c -> c.method().equals("DELETE")))
        .as("no group deleted and created again")
        .isEmpty();
  }

  @Test
  @Order(2)
  @DisplayName(
      "a pod gets the managed identity its ServiceAccount names when azure-identity-allowlist"
          + " lists it; one outside the list, or named by a pod annotation alone, is refused with"
          + " reason IdentityNotAllowed and an Event, and no group is made")
  void managedIdentityComesFromTheServiceAccountWithinTheAllowlist() {
    String allowed = CloudNode.allowedIdentity(aci);
    String denied = CloudNode.identity(aci, "aci-admin");
    cluster.serviceAccount("aci-mi", IDENTITY_ANNOTATION, allowed);
    cluster.serviceAccount("aci-nope", IDENTITY_ANNOTATION, denied);

    cluster.apply(
        CloudCluster.withServiceAccount(
            CloudCluster.deployment(SUITE, "aci-mi", NODE, "azure", 1, IMAGE, null), "aci-mi"));
    V1Pod pod = cluster.awaitRunning("aci-mi", NODE, 1, CloudCluster.PATIENCE).get(0);
    JsonNode group = onlyGroup(pod);
    assertThat(ArmGroups.tag(group, "cluster-id"))
        .as("the cluster id is the kube-system namespace UID")
        .isEqualTo(
            cp.kubectl("get", "namespace", "kube-system", "-o", "jsonpath={.metadata.uid}")
                .orThrow()
                .stdout()
                .trim());
    JsonNode identity = group.path("identity");
    assertThat(identity.path("type").asText()).isEqualTo("UserAssigned");
    assertThat(identity.path("userAssignedIdentities").fieldNames())
        .toIterable()
        .as("the identity ARM recorded on the group")
        .containsExactly(allowed);

    cluster.apply(
        CloudCluster.withServiceAccount(
            CloudCluster.deployment(SUITE, "aci-nope", NODE, "azure", 1, IMAGE, null), "aci-nope"));
    assertThat(cluster.awaitRefused("aci-nope", "IdentityNotAllowed"))
        .as("status message and Event")
        .allSatisfy(m -> assertThat(m).contains(denied).contains("azure-identity-allowlist"));

    cluster.apply(
        CloudCluster.withPodAnnotation(
            CloudCluster.deployment(SUITE, "aci-anno", NODE, "azure", 1, IMAGE, null),
            IDENTITY_ANNOTATION,
            allowed));
    assertThat(cluster.awaitRefused("aci-anno", "IdentityNotAllowed"))
        .allSatisfy(m -> assertThat(m).contains(allowed).contains("may only narrow"));
    assertThat(arm.named("default-aci-nope-")).isEmpty();
    assertThat(arm.named("default-aci-anno-")).isEmpty();
  }

  /** The pod's one group, found by its tags. */
  private static JsonNode onlyGroup(V1Pod pod) {
    List<JsonNode> groups = arm.ofPod("default", pod.getMetadata().getName());
    assertThat(groups).as("groups of %s", pod.getMetadata().getName()).hasSize(1);
    return groups.get(0);
  }

  private V1Pod oneRunning(String app) {
    cluster.apply(CloudCluster.deployment(SUITE, app, NODE, "azure", 1, IMAGE, null));

    return cluster.awaitRunning(app, NODE, 1, CloudCluster.PATIENCE).get(0);
  }

  private static String groupName(String uri) {
    String rest = uri.substring(uri.indexOf("/containerGroups/") + "/containerGroups/".length());
    int end = rest.indexOf('?');
    return end < 0 ? rest : rest.substring(0, end);
  }

  private static List<Call> only429(List<Call> timeline) {
    return timeline.stream().filter(c -> c.status() == 429).toList();
  }
}
