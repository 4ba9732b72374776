package dev.vk.testbed.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vk.provider.ProviderFactory;
import dev.vk.testbed.cluster.CommandResult;
import dev.vk.testbed.cluster.ControlPlane;
import dev.vk.testbed.cluster.RealCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The Helm chart {@code charts/virtual-kubelet}: lint, every rendering accepted by the real 1.34
 * API server ({@code kubectl apply --dry-run=server}), the RBAC of {@code manifests/rbac.yaml}
 * (node-name-limited rules; {@link RbacE2E} proves what they allow in both modes), setting names of
 * {@code docs/configuration.md}, and a real install and uninstall. The node pod itself cannot start
 * (the testbed has no container runtime), so the install checks what the chart creates and what its
 * ServiceAccount may do.
 */
@RealCluster
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChartE2E {
  /** The setting names a provider declares, found the way the node finds providers. */
  private static Set<String> providerSettings(String provider) {
    return ServiceLoader.load(ProviderFactory.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(f -> f.name().equals(provider))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no provider named " + provider))
        .settingNames();
  }

  private static final Duration PATIENCE = Duration.ofMinutes(2);
  private static final String RENDER_NAMESPACE = "vk-chart-render";
  private static final String CONFIG_FILE = "/etc/virtual-kubelet/config.yaml";
  private static final Pattern SETTING_ROW = Pattern.compile("(?m)^\\|\\s*`([a-z0-9-]+)`\\s*\\|");

  private final ControlPlane cluster;
  private final Path repo = ControlPlane.repoRoot();
  private final Path chart = repo.resolve("charts/virtual-kubelet");
  private Helm helm;
  @TempDir static Path work;

  ChartE2E(ControlPlane cluster) {
    this.cluster = cluster;
  }

  @BeforeAll
  void buildHelmAndNamespace() {
    helm = Helm.build(repo, work.resolve("helm-home"));
    cluster
        .kubectlWithInput(namespace(RENDER_NAMESPACE), "apply", "-f", "-")
        .orThrow(); // dry-run=server of namespaced objects needs their namespace
  }

  @AfterAll
  void deleteNamespace() {
    cluster.kubectl("delete", "namespace", RENDER_NAMESPACE, "--wait=false");
  }

  /** One set of values, the release it is rendered as, and what its config must say. */
  record Rendering(
      String name, String values, String nodeName, String provider, String taint, boolean rbac) {
    String release() {
      return "vk-" + name;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> renderings() {
    return Stream.of(
            new Rendering(
                "defaults",
                "",
                "vk-defaults",
                "mock",
                "virtual-kubelet.io/provider=mock:NoSchedule",
                true),
            new Rendering(
                "mock",
                """
                replicaCount: 1
                nodeName: vk-mock-node
                logLevel: debug
                kubeletPort: 10260
                labels: {pool: burst}
                capacity: {cpu: "8", memory: 32Gi, pods: 50, gpu: 2}
                settings: {reconcile-interval: 1m, pod-sync-workers: 20}
                mock: {start-delay: 2s, state-file: /tmp/mock-state.json}
                """,
                "vk-mock-node",
                "mock",
                "virtual-kubelet.io/provider=mock:NoSchedule",
                true),
            new Rendering(
                "azure",
                """
                provider: azure
                azure:
                  subscription-id: 00000000-0000-0000-0000-000000000000
                  resource-group: virtual-kubelet
                  region: westeurope
                  subnet-ids: [/subscriptions/x/resourceGroups/y/providers/Microsoft.Network/virtualNetworks/v/subnets/aci]
                credentials: {existingSecrets: [vk-azure-credentials]}
                serviceAccount:
                  annotations: {azure.workload.identity/client-id: 11111111-1111-1111-1111-111111111111}
                podLabels: {azure.workload.identity/use: "true"}
                tls: {existingSecret: vk-kubelet-tls}
                """,
                "vk-azure",
                "azure",
                "virtual-kubelet.io/provider=azure:NoSchedule",
                true),
            new Rendering(
                "fargate",
                """
                provider: fargate
                fargate:
                  region: eu-west-1
                  cluster: virtual-kubelet
                  subnets: [subnet-a, subnet-b]
                  security-groups: [sg-1]
                credentials: {existingSecrets: [vk-aws-credentials, vk-extra]}
                serviceAccount:
                  annotations: {eks.amazonaws.com/role-arn: "arn:aws:iam::123456789012:role/vk"}
                taint: {key: vk.example.com/fargate, value: "", effect: NoExecute}
                probes: {type: tcpSocket}
                replicaCount: 1
                """,
                "vk-fargate",
                "fargate",
                "vk.example.com/fargate=fargate:NoExecute",
                true),
            new Rendering(
                "bare",
                """
                taint: {enabled: false}
                rbac: {create: false}
                serviceAccount: {create: false, name: existing-sa}
                probes: {enabled: false}
                """,
                "vk-bare",
                "mock",
                null,
                false))
        .map(Arguments::of);
  }

  /**
   * manifests/rbac.yaml is the chart's RBAC rendered for the release, namespace and node
   * "virtual-kubelet": one source of rules, whichever way a user installs.
   */
  @Test
  void rbacManifestIsTheChartRenderedForTheDefaultNode() throws IOException {
    String rendered =
        helm.run(
                "template",
                "virtual-kubelet",
                chart.toString(),
                "--namespace",
                "virtual-kubelet",
                "--show-only",
                "templates/serviceaccount.yaml",
                "--show-only",
                "templates/clusterrole.yaml",
                "--show-only",
                "templates/node-lease-role.yaml",
                "--show-only",
                "templates/role.yaml")
            .orThrow()
            .stdout();
    List<Map<String, Object>> manifest =
        documents(Files.readString(repo.resolve("manifests/rbac.yaml")));
    assertThat(manifest.get(0)).containsEntry("kind", "Namespace");
    assertThat(manifest.subList(1, manifest.size()))
        .as("manifests/rbac.yaml equals the chart's rendering (labels aside)")
        .isEqualTo(withoutLabels(documents(rendered)));
  }

  private static List<Map<String, Object>> withoutLabels(List<Map<String, Object>> objects) {
    for (Map<String, Object> o : objects) {
      map(o.get("metadata")).remove("labels");
    }
    return objects;
  }

  @Test
  void lintIsCleanInStrictModeForEveryProvider() {
    for (String provider : List.of("mock", "azure", "fargate")) {
      CommandResult lint =
          helm.run("lint", "--strict", chart.toString(), "--set", "provider=" + provider).orThrow();
      assertThat(lint.stdout()).contains("1 chart(s) linted, 0 chart(s) failed");
    }
    // The values schema rejects what the node would refuse at startup.
    assertThat(helm.run("lint", "--strict", chart.toString(), "--set", "provider=gcp").stdout())
        .contains("value must be one of 'mock', 'azure', 'fargate'");
    // helm.sh sets helm's default Kubernetes version (1.34, not v1.20) and the chart's kubeVersion
    // constraint is enforced.
    assertThat(helm.run("template", "x", chart.toString()).ok()).isTrue();
    assertThat(helm.run("template", "x", chart.toString(), "--kube-version", "1.26.0").stderr())
        .contains("incompatible with Kubernetes v1.26.0");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renderings")
  void renderingIsAcceptedByTheApiServer(Rendering r) throws IOException {
    String rendered = template(r);
    CommandResult dryRun =
        cluster.kubectlWithInput(rendered, "apply", "--dry-run=server", "-f", "-").orThrow();
    assertThat(dryRun.stdout()).contains("deployment.apps/" + r.release() + "-virtual-kubelet");

    List<Map<String, Object>> objects = documents(rendered);
    assertThat(objects.stream().map(o -> (String) o.get("kind")))
        .containsExactlyInAnyOrderElementsOf(expectedKinds(r));
    checkMetricsService(r, of(objects, "Service"), of(objects, "Deployment"));
    if (r.rbac()) {
      // Every rule limited by name names this release's node (the Node and its Lease).
      List<Map<String, Object>> leaseRoles =
          objects.stream()
              .filter(o -> "Role".equals(o.get("kind")))
              .filter(o -> "kube-node-lease".equals(map(o.get("metadata")).get("namespace")))
              .toList();
      assertThat(leaseRoles).as("one Role for the node's Lease").hasSize(1);
      for (Map<String, Object> role : List.of(of(objects, "ClusterRole"), leaseRoles.get(0))) {
        assertThat(rules(role))
            .filteredOn(rule -> rule.containsKey("resourceNames"))
            // kube-system's UID is the cluster id (docs/security.md): the one other named object.
            .filteredOn(rule -> !rule.get("resources").equals(List.of("namespaces")))
            .isNotEmpty()
            .allSatisfy(
                rule -> assertThat(rule.get("resourceNames")).isEqualTo(List.of(r.nodeName())));
      }
      checkLeaderElectionRole(r, objects);
      Map<String, Object> subject = list(of(objects, "ClusterRoleBinding").get("subjects")).get(0);
      assertThat(subject)
          .containsEntry("kind", "ServiceAccount")
          .containsEntry("name", r.release() + "-virtual-kubelet")
          .containsEntry("namespace", RENDER_NAMESPACE);
    }
    Map<String, Object> configMap = of(objects, "ConfigMap");
    Map<String, Object> config =
        new Yaml().load((String) map(configMap.get("data")).get("config.yaml"));
    checkConfig(r, config);
    checkDeployment(
        r, of(objects, "Deployment"), (String) map(configMap.get("metadata")).get("name"), config);
  }

  /** Every rendering but "mock" and "fargate" (replicaCount: 1) runs two elected replicas. */
  private static boolean ha(Rendering r) {
    return !r.name().equals("mock") && !r.name().equals("fargate");
  }

  private static List<String> expectedKinds(Rendering r) {
    List<String> kinds = new java.util.ArrayList<>(List.of("ConfigMap", "Service", "Deployment"));
    if (r.rbac()) {
      // Two Roles and their bindings: the node Lease's (kube-node-lease), the election Lease's.
      kinds.addAll(
          List.of(
              "ServiceAccount",
              "ClusterRole",
              "ClusterRoleBinding",
              "Role",
              "RoleBinding",
              "Role",
              "RoleBinding"));
    }
    if (ha(r)) {
      kinds.add("PodDisruptionBudget");
    }
    return kinds;
  }

  /** The election Lease's Role: the release namespace, get/update on its one name, create. */
  private static void checkLeaderElectionRole(Rendering r, List<Map<String, Object>> objects) {
    Map<String, Object> role =
        objects.stream()
            .filter(o -> "Role".equals(o.get("kind")))
            .filter(o -> RENDER_NAMESPACE.equals(map(o.get("metadata")).get("namespace")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no election Role in " + RENDER_NAMESPACE));
    assertThat(map(role.get("metadata"))).containsEntry("namespace", RENDER_NAMESPACE);
    assertThat(rules(role))
        .containsExactlyInAnyOrder(
            Map.of(
                "apiGroups", List.of("coordination.k8s.io"),
                "resources", List.of("leases"),
                "verbs", List.of("create")),
            Map.of(
                "apiGroups", List.of("coordination.k8s.io"),
                "resources", List.of("leases"),
                "resourceNames", List.of(r.nodeName() + "-leader"),
                "verbs", List.of("get", "update")));
    assertThat(
            objects.stream()
                .filter(o -> "RoleBinding".equals(o.get("kind")))
                .map(o -> list(o.get("subjects")).get(0)))
        .allSatisfy(
            subject -> assertThat(subject).containsEntry("name", r.release() + "-virtual-kubelet"));
  }

  private void checkConfig(Rendering r, Map<String, Object> config) throws IOException {
    if (ha(r)) {
      assertThat(config)
          .containsEntry("leader-elect", true)
          .containsEntry("leader-elect-resource-namespace", RENDER_NAMESPACE)
          .containsEntry("leader-elect-resource-name", r.nodeName() + "-leader")
          .containsEntry("lease-duration", "20s");
    } else {
      assertThat(config).doesNotContainKeys("leader-elect", "leader-elect-resource-name");
    }
    assertThat(config)
        .containsEntry("node-name", r.nodeName())
        .containsEntry("provider", r.provider());
    if (r.taint() == null) {
      assertThat(config).containsEntry("disable-taint", true).doesNotContainKey("taint");
    } else {
      assertThat(config).containsEntry("taint", r.taint()).doesNotContainKey("disable-taint");
    }
    // Every name is one the node knows: a core setting of docs/configuration.md, or a setting the
    // selected provider declares (<provider>-<name>), mentioned in docs/providers/<provider>.md.
    Set<String> core = documented(repo.resolve("docs/configuration.md"));
    assertThat(core).contains("node-name", "provider", "taint", "disable-taint", "kubelet-port");
    String prefix = r.provider() + "-";
    for (String name : config.keySet()) {
      if (name.startsWith(prefix) && !core.contains(name)) {
        String setting = name.substring(prefix.length());
        assertThat(providerSettings(r.provider()))
            .as("provider %s declares %s", r.provider(), setting)
            .contains(setting);
        assertThat(Files.readString(repo.resolve("docs/providers/" + r.provider() + ".md")))
            .as("%s is documented", name)
            .contains("`" + setting + "`");
      } else {
        assertThat(core).as("%s is documented in docs/configuration.md", name).contains(name);
      }
    }
    switch (r.name()) {
      case "mock" ->
          assertThat(config)
              .containsEntry("kubelet-port", 10260)
              .containsEntry("log-level", "debug")
              .containsEntry("labels", Map.of("pool", "burst"))
              .containsEntry("capacity-cpu", "8")
              .containsEntry("capacity-memory", "32Gi")
              .containsEntry("capacity-pods", "50")
              .containsEntry("capacity-gpu", "2")
              .containsEntry("reconcile-interval", "1m")
              .containsEntry("pod-sync-workers", 20)
              .containsEntry("mock-start-delay", "2s");
      case "azure" ->
          assertThat(config)
              .containsEntry("azure-resource-group", "virtual-kubelet")
              .containsEntry("azure-region", "westeurope")
              .containsEntry("tls-cert-file", "/etc/virtual-kubelet/tls/tls.crt")
              .containsEntry("tls-key-file", "/etc/virtual-kubelet/tls/tls.key");
      case "fargate" ->
          assertThat(config)
              .containsEntry("fargate-subnets", "subnet-a,subnet-b")
              .containsEntry("fargate-security-groups", "sg-1")
              .containsEntry("fargate-cluster", "virtual-kubelet");
      default ->
          assertThat(config)
              .containsEntry("kubelet-port", 10250)
              .containsEntry("health-port", 10248)
              .containsEntry("log-level", "info")
              .doesNotContainKeys("labels", "capacity-cpu", "tls-cert-file");
    }
  }

  private static void checkDeployment(
      Rendering r, Map<String, Object> deployment, String configMapName, Map<String, Object> cfg) {
    Map<String, Object> spec = map(deployment.get("spec"));
    Map<String, Object> pod = map(map(spec.get("template")).get("spec"));
    if (ha(r)) {
      // Followers start before the old pods stop; the leader hands over through the Lease.
      assertThat(spec.get("replicas")).isEqualTo(2);
      assertThat(map(spec.get("strategy")))
          .containsEntry("type", "RollingUpdate")
          .containsEntry("rollingUpdate", Map.of("maxSurge", 1, "maxUnavailable", 0));
      assertThat(map(map(pod.get("affinity")).get("podAntiAffinity")))
          .containsKey("preferredDuringSchedulingIgnoredDuringExecution");
    } else {
      assertThat(spec.get("replicas")).isEqualTo(1);
      assertThat(map(spec.get("strategy"))).containsEntry("type", "Recreate");
    }
    Map<String, Object> container = list(pod.get("containers")).get(0);
    assertThat(container.get("args")).isEqualTo(List.of("--config", CONFIG_FILE));
    assertThat(list(container.get("env")))
        .anySatisfy(
            e -> {
              assertThat(e).containsEntry("name", "VK_INTERNAL_IP");
              assertThat(map(map(e.get("valueFrom")).get("fieldRef")))
                  .containsEntry("fieldPath", "status.podIP");
            });
    // The image's class archive of this provider (image/build.sh), not the other providers'.
    assertThat(list(container.get("env")))
        .contains(
            Map.of(
                "name",
                "JDK_JAVA_OPTIONS",
                "value",
                "-XX:SharedArchiveFile=/opt/virtual-kubelet/cds/"
                    + r.provider()
                    + ".jsa -Xshare:auto"));
    Map<String, Object> port = list(container.get("ports")).get(0);
    assertThat(port)
        .containsEntry("name", "kubelet")
        .containsEntry("containerPort", cfg.get("kubelet-port"));
    assertThat(list(container.get("ports")).get(1))
        .containsEntry("name", "health")
        .containsEntry("containerPort", cfg.get("health-port"));
    assertThat(list(container.get("volumeMounts")))
        .anySatisfy(
            m ->
                assertThat(m)
                    .containsEntry("name", "config")
                    .containsEntry("mountPath", "/etc/virtual-kubelet"));
    Map<String, Object> configVolume =
        list(pod.get("volumes")).stream()
            .filter(v -> "config".equals(v.get("name")))
            .findFirst()
            .orElseThrow();
    List<Map<String, Object>> sources = list(map(configVolume.get("projected")).get("sources"));
    assertThat(map(sources.get(0).get("configMap"))).containsEntry("name", configMapName);
    assertThat(pod.get("serviceAccountName"))
        .isEqualTo(r.name().equals("bare") ? "existing-sa" : r.release() + "-virtual-kubelet");
    switch (r.name()) {
      case "defaults", "mock", "azure" -> {
        assertThat(map(map(container.get("livenessProbe")).get("httpGet")))
            .containsEntry("path", "/healthz")
            .containsEntry("port", "health")
            .containsEntry("scheme", "HTTP");
        assertThat(map(map(container.get("readinessProbe")).get("httpGet")))
            .containsEntry("path", "/readyz")
            .containsEntry("port", "health")
            .containsEntry("scheme", "HTTP");
      }
      case "fargate" ->
          assertThat(map(map(container.get("livenessProbe")).get("tcpSocket")))
              .containsEntry("port", "health");
      default -> assertThat(container).doesNotContainKeys("livenessProbe", "readinessProbe");
    }
    if (r.name().equals("azure")) {
      assertThat(map(sources.get(1).get("secret"))).containsEntry("name", "vk-kubelet-tls");
      assertThat(list(container.get("envFrom")))
          .containsExactly(Map.of("secretRef", Map.of("name", "vk-azure-credentials")));
    } else {
      assertThat(sources).hasSize(1);
    }
  }

  /** The metrics Service selects the node pod and targets its container port named health. */
  private static void checkMetricsService(
      Rendering r, Map<String, Object> service, Map<String, Object> deployment) {
    Map<String, Object> spec = map(service.get("spec"));
    assertThat(spec).containsEntry("type", "ClusterIP");
    assertThat(list(spec.get("ports")))
        .containsExactly(
            Map.of("name", "metrics", "port", 10248, "targetPort", "health", "protocol", "TCP"));
    Map<String, Object> template = map(map(deployment.get("spec")).get("template"));
    assertThat(map(map(template.get("metadata")).get("labels")))
        .containsAllEntriesOf(map(spec.get("selector")));
    Map<String, Object> container = list(map(template.get("spec")).get("containers")).get(0);
    assertThat(list(container.get("ports")))
        .anySatisfy(
            p ->
                assertThat(p)
                    .containsEntry("name", "health")
                    .containsEntry("containerPort", 10248));
    assertThat(map(map(service.get("metadata")).get("labels")))
        .containsEntry("app.kubernetes.io/instance", r.release())
        .containsEntry("app.kubernetes.io/component", "metrics");
  }

  /**
   * The ServiceMonitor, off by default, selects exactly the metrics Service when enabled. Checked
   * with helm template only: the testbed's API server has no Prometheus Operator CRDs.
   */
  @Test
  void serviceMonitorSelectsTheMetricsServiceWhenEnabled() {
    String off = helm.run("template", "vk-sm", chart.toString()).orThrow().stdout();
    assertThat(documents(off).stream().map(o -> (String) o.get("kind")))
        .doesNotContain("ServiceMonitor");
    String on =
        helm.run(
                "template",
                "vk-sm",
                chart.toString(),
                "--set",
                "metrics.serviceMonitor.enabled=true,metrics.serviceMonitor.labels.release=kps")
            .orThrow()
            .stdout();
    List<Map<String, Object>> objects = documents(on);
    Map<String, Object> monitor = of(objects, "ServiceMonitor");
    assertThat(monitor).containsEntry("apiVersion", "monitoring.coreos.com/v1");
    assertThat(map(map(monitor.get("metadata")).get("labels"))).containsEntry("release", "kps");
    Map<String, Object> spec = map(monitor.get("spec"));
    assertThat(map(map(spec.get("selector")).get("matchLabels")))
        .isEqualTo(
            Map.of(
                "app.kubernetes.io/name", "virtual-kubelet",
                "app.kubernetes.io/instance", "vk-sm",
                "app.kubernetes.io/component", "metrics"));
    assertThat(map(map(of(objects, "Service").get("metadata")).get("labels")))
        .containsAllEntriesOf(map(map(spec.get("selector")).get("matchLabels")));
    assertThat(list(spec.get("endpoints")).get(0))
        .containsEntry("port", "metrics")
        .containsEntry("path", "/metrics")
        .containsEntry("scheme", "http");
    assertThat(
            helm.run(
                    "template",
                    "vk-sm",
                    chart.toString(),
                    "--set",
                    "metrics.serviceMonitor.enabled=true,metrics.service.enabled=false")
                .stderr())
        .contains("metrics.serviceMonitor.enabled needs metrics.service.enabled");
  }

  /**
   * Installs the chart for real: the objects exist, the ServiceAccount (impersonated, and with a
   * real token) may do what the node needs and no more, and uninstall leaves nothing behind.
   */
  @Test
  void installGrantsTheNodeItsPermissionsAndUninstallRemovesEverything() throws IOException {
    String release = "vk-chart-e2e";
    String ns = "vk-chart-e2e";
    String sa = release + "-virtual-kubelet";
    String kubeconfig = "--kubeconfig=" + cluster.kubeconfig();
    try {
      helm.run(
              "install",
              release,
              chart.toString(),
              kubeconfig,
              "--namespace",
              ns,
              "--create-namespace",
              "--set",
              "provider=mock")
          .orThrow();
      assertThat(helm.run("status", release, kubeconfig, "-n", ns).orThrow().stdout())
          .contains("STATUS: deployed");
      for (String object :
          List.of("serviceaccount/" + sa, "configmap/" + sa, "deployment.apps/" + sa)) {
        cluster.kubectl("get", "-n", ns, object).orThrow();
      }
      cluster.kubectl("get", "clusterrole/" + sa, "clusterrolebinding/" + sa).orThrow();
      cluster.kubectl("get", "-n", "kube-node-lease", "role/" + sa, "rolebinding/" + sa).orThrow();
      String config =
          cluster
              .kubectl("get", "-n", ns, "configmap/" + sa, "-o", "jsonpath={.data.config\\.yaml}")
              .orThrow()
              .stdout();
      Map<String, Object> installed = new Yaml().load(config);
      assertThat(installed).containsEntry("node-name", release).containsEntry("provider", "mock");

      // The Deployment controller and admission accept the pod; with no container runtime (and no
      // real node) it stays Pending, so the Deployment stays unavailable.
      String selector = "app.kubernetes.io/instance=" + release;
      await("the node pod is created")
          .atMost(PATIENCE)
          .until(
              () ->
                  !cluster
                      .kubectl("get", "pods", "-n", ns, "-l", selector, "-o", "name")
                      .orThrow()
                      .stdout()
                      .isBlank());
      assertThat(
              cluster
                  .kubectl(
                      "get",
                      "pods",
                      "-n",
                      ns,
                      "-l",
                      selector,
                      "-o",
                      "jsonpath={.items[0].spec.serviceAccountName} {.items[0].status.phase}")
                  .orThrow()
                  .stdout())
          .isEqualTo(sa + " Pending");
      assertThat(
              cluster
                  .kubectl(
                      "get",
                      "-n",
                      ns,
                      "deployment/" + sa,
                      "-o",
                      "jsonpath={.status.availableReplicas}")
                  .orThrow()
                  .stdout())
          .isIn("", "0");

      String subject = "system:serviceaccount:" + ns + ":" + sa;
      for (List<String> check : NodeGrants.needs(release, "default")) {
        assertThat(canI(cluster.kubeconfig(), check, "--as=" + subject))
            .as("%s may %s", subject, check)
            .isTrue();
      }
      for (List<String> check : NodeGrants.mustNot(release)) {
        assertThat(canI(cluster.kubeconfig(), check, "--as=" + subject))
            .as("%s may not %s", subject, check)
            .isFalse();
      }
      // The same with a real token of the ServiceAccount, as the node pod would use it.
      String token =
          cluster.kubectl("create", "token", sa, "-n", ns, "--duration=10m").orThrow().stdout();
      Path tokenConfig = cluster.tokenKubeconfig(token.strip(), work.resolve("token.kubeconfig"));
      assertThat(
              cluster
                  .kubectlAs(
                      tokenConfig, "auth", "whoami", "-o", "jsonpath={.status.userInfo.username}")
                  .orThrow()
                  .stdout())
          .isEqualTo(subject);
      for (List<String> check : NodeGrants.needs(release, "default")) {
        assertThat(canI(tokenConfig, check)).as("token may %s", check).isTrue();
      }
      for (List<String> check : NodeGrants.mustNot(release)) {
        assertThat(canI(tokenConfig, check)).as("token may not %s", check).isFalse();
      }

      helm.run("uninstall", release, kubeconfig, "-n", ns, "--wait").orThrow();
      assertThat(cluster.kubectl("get", "clusterrole", sa).stderr()).contains("NotFound");
      assertThat(cluster.kubectl("get", "clusterrolebinding", sa).stderr()).contains("NotFound");
      assertThat(cluster.kubectl("get", "-n", "kube-node-lease", "role", sa).stderr())
          .contains("NotFound");
      await("everything of the release is gone")
          .atMost(PATIENCE)
          .untilAsserted(
              () ->
                  assertThat(
                          cluster
                              .kubectl(
                                  "get",
                                  "all,configmaps,serviceaccounts,secrets,roles,rolebindings,"
                                      + "clusterroles,clusterrolebindings",
                                  "-A",
                                  "-l",
                                  selector,
                                  "-o",
                                  "name")
                              .orThrow()
                              .stdout())
                      .isBlank());
      assertThat(helm.run("list", kubeconfig, "-n", ns, "-q").orThrow().stdout()).isBlank();
    } finally {
      helm.run("uninstall", release, kubeconfig, "-n", ns, "--ignore-not-found");
      cluster.kubectl("delete", "namespace", ns, "--wait=false", "--ignore-not-found");
    }
  }

  private boolean canI(Path kubeconfig, List<String> check, String... extra) {
    List<String> args = new ArrayList<>(List.of("auth", "can-i"));
    args.addAll(check);
    args.addAll(List.of(extra));
    CommandResult r = cluster.kubectlAs(kubeconfig, args.toArray(String[]::new));
    String answer = r.stdout().strip();
    if (!answer.equals("yes") && !answer.equals("no")) {
      throw new IllegalStateException("unexpected answer: " + r);
    }
    return r.ok() && answer.equals("yes");
  }

  private String template(Rendering r) throws IOException {
    Path values = work.resolve(r.name() + "-values.yaml");
    Files.writeString(values, r.values());
    return helm.run(
            "template",
            r.release(),
            chart.toString(),
            "--namespace",
            RENDER_NAMESPACE,
            "--values",
            values.toString())
        .orThrow()
        .stdout();
  }

  private static String namespace(String name) {
    return "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + name + "\n";
  }

  /** Setting names in the first column of a Markdown table: {@code | `node-name` | ...}. */
  private static Set<String> documented(Path markdown) throws IOException {
    Set<String> names = new TreeSet<>();
    Matcher m = SETTING_ROW.matcher(Files.readString(markdown));
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  private static List<Map<String, Object>> rules(Map<String, Object> clusterRole) {
    return list(clusterRole.get("rules"));
  }

  private static List<Map<String, Object>> documents(String yaml) {
    List<Map<String, Object>> docs = new ArrayList<>();
    for (Object doc : new Yaml().loadAll(yaml)) {
      if (doc != null) {
        docs.add(map(doc));
      }
    }
    return docs;
  }

  private static Map<String, Object> of(List<Map<String, Object>> objects, String kind) {
    List<Map<String, Object>> found =
        objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    assertThat(found).as("exactly one %s", kind).hasSize(1);
    return found.get(0);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    assertThat(o).isInstanceOf(Map.class);
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object o) {
    assertThat(o).isInstanceOf(List.class);
    return (List<Map<String, Object>>) o;
  }
}
