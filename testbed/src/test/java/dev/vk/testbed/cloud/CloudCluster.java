package dev.vk.testbed.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vk.testbed.cluster.BackgroundCommand;
import dev.vk.testbed.cluster.ControlPlane;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AuthenticationV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1NodeCondition;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1TokenReview;
import io.kubernetes.client.openapi.models.V1TokenReviewSpec;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the cloud E2E tests ask the real API server. (The e2e package's {@code Cluster} is
 * package-private; this is the part these tests need, plus Deployments aimed at a cloud node.)
 */
final class CloudCluster {
  private static final Pattern TICK = Pattern.compile("tick (\\d+)");
  static final Duration PATIENCE = Duration.ofMinutes(2);

  /** Label on every Deployment these tests create, so a test can remove what it left behind. */
  static final String SUITE_LABEL = "vk-e2e-suite";

  private final ControlPlane cp;
  private final CoreV1Api api;

  CloudCluster(ControlPlane cp) {
    this.cp = cp;
    this.api = new CoreV1Api(cp.apiClient());
  }

  ControlPlane cp() {
    return cp;
  }

  V1Node node(String name) {
    try {
      return api.readNode(name).execute();
    } catch (ApiException e) {
      throw new IllegalStateException(e.getResponseBody(), e);
    }
  }

  /** The node's Ready condition status: True, False, Unknown, or "absent". */
  String ready(String name) {
    try {
      V1Node n = api.readNode(name).execute();
      List<V1NodeCondition> conditions =
          n.getStatus() == null || n.getStatus().getConditions() == null
              ? List.of()
              : n.getStatus().getConditions();
      return conditions.stream()
          .filter(c -> "Ready".equals(c.getType()))
          .map(V1NodeCondition::getStatus)
          .findFirst()
          .orElse("absent");
    } catch (ApiException e) {
      if (e.getCode() == 404) {
        return "absent";
      }
      throw new IllegalStateException(e.getResponseBody(), e);
    }
  }

  void awaitReady(String name) {
    await("node " + name + " Ready")
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> "True".equals(ready(name)));
  }

  List<V1Pod> pods(String labelSelector) {
    try {
      return api.listNamespacedPod("default").labelSelector(labelSelector).execute().getItems();
    } catch (ApiException e) {
      throw new IllegalStateException(e.getResponseBody(), e);
    }
  }

  V1Pod pod(String name) {
    try {
      return api.readNamespacedPod(name, "default").execute();
    } catch (ApiException e) {
      throw new IllegalStateException(e.getResponseBody(), e);
    }
  }

  /** Pods of {@code app} that are Running on {@code node} with a pod IP. */
  List<V1Pod> running(String app, String node) {
    return pods("app=" + app).stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .filter(p -> node.equals(p.getSpec().getNodeName()))
        .filter(p -> "Running".equals(p.getStatus().getPhase()))
        .filter(p -> p.getStatus().getPodIP() != null && !p.getStatus().getPodIP().isBlank())
        .toList();
  }

  /** Waits until exactly {@code replicas} pods of {@code app} exist and all run on the node. */
  List<V1Pod> awaitRunning(String app, String node, int replicas, Duration patience) {
    await(replicas + " running " + app + " pods on " + node)
        .atMost(patience)
        .pollInterval(Duration.ofMillis(500))
        .failFast(
            "the provider refused a pod of " + app,
            () -> assertThat(refusals(app)).as("pods the provider refused").isEmpty())
        .untilAsserted(
            () ->
                assertThat(running(app, node))
                    .as("running pods of %s; all of them: %s", app, states(app))
                    .hasSize(replicas)
                    .hasSameSizeAs(pods("app=" + app)));
    return running(app, node);
  }

  /** Each pod of {@code app} as name, node, phase, reason and message. */
  String states(String app) {
    return pods("app=" + app).stream()
        .map(
            p ->
                p.getMetadata().getName()
                    + " on "
                    + p.getSpec().getNodeName()
                    + ": "
                    + p.getStatus().getPhase()
                    + (p.getStatus().getReason() == null ? "" : " " + p.getStatus().getReason())
                    + (p.getStatus().getMessage() == null
                        ? ""
                        : " (" + p.getStatus().getMessage() + ")"))
        .collect(Collectors.joining("; "));
  }

  /** The pods of {@code app} that the provider refused (status reason ProviderFailed). */
  private String refusals(String app) {
    return pods("app=" + app).stream()
        .filter(p -> "ProviderFailed".equals(p.getStatus().getReason()))
        .map(p -> p.getMetadata().getName() + ": " + p.getStatus().getMessage())
        .collect(Collectors.joining("; "));
  }

  static Set<String> uids(List<V1Pod> pods) {
    return pods.stream().map(p -> p.getMetadata().getUid()).collect(Collectors.toSet());
  }

  static Set<String> names(List<V1Pod> pods) {
    return pods.stream().map(p -> p.getMetadata().getName()).collect(Collectors.toSet());
  }

  /** Creates or updates a ServiceAccount in namespace default with one annotation. */
  void serviceAccount(String name, String annotation, String value) {
    apply(
        """
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: %s
          namespace: default
          annotations: {"%s": "%s"}
        """
            .formatted(name, annotation, value));
  }

  /** The deployment's pods run as ServiceAccount {@code account}. */
  static String withServiceAccount(String deployment, String account) {
    return deployment.replaceFirst(
        "(\\n\\s*)nodeSelector:", "$1serviceAccountName: " + account + "$1nodeSelector:");
  }

  /** The deployment's pods carry one annotation. */
  static String withPodAnnotation(String deployment, String key, String value) {
    return deployment.replaceFirst(
        "(\\n\\s*)(labels: \\{app: )", "$1annotations: {\"" + key + "\": \"" + value + "\"}$1$2");
  }

  /**
   * Waits until the one pod of {@code app} shows status reason {@code reason} and an Event of that
   * reason; returns the pod's status message and the Event's message.
   */
  List<String> awaitRefused(String app, String reason) {
    V1Pod pod =
        await(app + " refused with " + reason)
            .atMost(PATIENCE)
            .until(
                () -> pods("app=" + app),
                p -> p.size() == 1 && reason.equals(p.get(0).getStatus().getReason()))
            .get(0);
    String name = pod.getMetadata().getName();
    String event =
        await("Event " + reason + " on " + name)
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    cp.kubectl(
                            "get",
                            "events",
                            "--field-selector",
                            "involvedObject.name=" + name + ",reason=" + reason,
                            "-o",
                            "jsonpath={.items[*].message}")
                        .orThrow()
                        .stdout(),
                m -> !m.isBlank());
    return List.of(pod.getStatus().getMessage(), event);
  }

  void apply(String yaml) {
    cp.kubectlWithInput(yaml, "apply", "-f", "-").orThrow();
  }

  /** Deletes the Deployments a test class created and waits until their pods left the API. */
  void deleteDeployments(String suite) {
    cp.kubectl("delete", "deployment", "-l", SUITE_LABEL + "=" + suite, "--wait=false").orThrow();
    await("pods of the " + suite + " Deployments gone")
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> pods(SUITE_LABEL + "=" + suite).isEmpty());
  }

  /** {@code kubectl get pods -o wide} lists each pod Running on {@code node} with its pod IP. */
  void assertShownWide(String app, String node, List<V1Pod> pods) {
    String wide = cp.kubectl("get", "pods", "-l", "app=" + app, "-o", "wide").orThrow().stdout();
    for (V1Pod pod : pods) {
      assertThat(wide.lines().filter(l -> l.startsWith(pod.getMetadata().getName() + " ")))
          .as(wide)
          .singleElement()
          .satisfies(
              line ->
                  assertThat(line.split("\\s+"))
                      .contains("Running", node, pod.getStatus().getPodIP()));
    }
  }

  /**
   * {@code kubectl logs -f} of a container printing {@code tick N} lines keeps following: lines
   * written after it started arrive, each once and in order.
   */
  void assertLogsFollow(V1Pod pod) {
    try (BackgroundCommand logs =
        cp.kubectlInBackground("logs", "-f", pod.getMetadata().getName())) {
      await("first log lines")
          .atMost(Duration.ofSeconds(60))
          .until(() -> maxTick(logs.output()) >= 0);
      int first = maxTick(logs.output());
      await("lines written after kubectl logs -f started")
          .atMost(Duration.ofSeconds(60))
          .until(() -> maxTick(logs.output()) >= first + 3);
      assertThat(logs.alive()).as("still following: %s", logs.output()).isTrue();
      assertThat(ticks(logs.output()))
          .as("each line once, in order")
          .isSorted()
          .doesNotHaveDuplicates();
    }
  }

  /** The numbers of the {@code tick N} lines in {@code output}, in order. */
  static List<Integer> ticks(String output) {
    return output
        .lines()
        .map(TICK::matcher)
        .filter(Matcher::find)
        .map(m -> Integer.parseInt(m.group(1)))
        .toList();
  }

  private static int maxTick(String output) {
    return ticks(output).stream().mapToInt(Integer::intValue).max().orElse(-1);
  }

  /**
   * Asserts that the API server authenticates {@code token} as the default service account of
   * namespace default, bound to {@code pod} (a TokenRequest token, as a kubelet mounts).
   */
  void assertPodToken(String token, V1Pod pod) throws ApiException {
    V1TokenReview review =
        new AuthenticationV1Api(cp.apiClient())
            .createTokenReview(new V1TokenReview().spec(new V1TokenReviewSpec().token(token)))
            .execute();
    assertThat(review.getStatus().getAuthenticated()).as("%s", review.getStatus()).isTrue();
    assertThat(review.getStatus().getUser().getUsername())
        .isEqualTo("system:serviceaccount:default:default");
    assertThat(review.getStatus().getUser().getExtra())
        .as("bound to this pod")
        .containsEntry(
            "authentication.kubernetes.io/pod-name", List.of(pod.getMetadata().getName()))
        .containsEntry("authentication.kubernetes.io/pod-uid", List.of(pod.getMetadata().getUid()));
  }

  /**
   * A Deployment of {@code replicas} pods aimed at {@code node} by the hostname node selector and
   * tolerating {@code virtual-kubelet.io/provider=<provider>:NoSchedule}, as a user writes it.
   *
   * @param command the container's command as a YAML flow sequence, or null for the image's own
   */
  static String deployment(
      String suite,
      String name,
      String node,
      String provider,
      int replicas,
      String image,
      String command) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: %s
          namespace: default
          labels: {%s: %s}
        spec:
          replicas: %d
          selector:
            matchLabels: {app: %s}
          template:
            metadata:
              labels: {app: %s, %s: %s}
            spec:
        """
            .formatted(name, SUITE_LABEL, suite, replicas, name, name, SUITE_LABEL, suite)
        + podSpec(node, provider, image, command).indent(6);
  }

  /**
   * A bare Pod (no controller recreates it) aimed at {@code node} as {@link #deployment} aims its
   * pods, labelled with the suite.
   *
   * @param command the container's command as a YAML flow sequence, or null for the image's own
   */
  static String pod(
      String suite, String name, String node, String provider, String image, String command) {
    return """
        apiVersion: v1
        kind: Pod
        metadata:
          name: %s
          namespace: default
          labels: {%s: %s}
        spec:
        """
            .formatted(name, SUITE_LABEL, suite)
        + podSpec(node, provider, image, command).indent(2);
  }

  private static String podSpec(String node, String provider, String image, String command) {
    return """
        nodeSelector:
          kubernetes.io/hostname: %s
        tolerations:
        - key: virtual-kubelet.io/provider
          operator: Equal
          value: %s
          effect: NoSchedule
        containers:
        - name: web
          image: %s
        """
            .formatted(node, provider, image)
        + (command == null ? "" : "  command: " + command + "\n");
  }
}
