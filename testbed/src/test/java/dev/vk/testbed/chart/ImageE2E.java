package dev.vk.testbed.chart;

import static dev.vk.testbed.chart.PodTemplate.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vk.testbed.cluster.Commands;
import dev.vk.testbed.cluster.ControlPlane;
import dev.vk.testbed.cluster.RealCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;

/**
 * The image {@code make image} builds, started the way the chart's Deployment starts it: the chart
 * rendered with helm, its ServiceAccount, RBAC and ConfigMap applied to the real control plane, and
 * the Deployment's container run from the unpacked image (its entrypoint and the rendered args,
 * env, volumes and service-account token, as the chart's user on a read-only root; see {@link
 * ChrootContainer}). The node must find the API server with in-cluster credentials, become Ready
 * and run a Deployment whose pods answer {@code kubectl logs} and {@code kubectl exec}; its JVM
 * must have mapped the image's class-data sharing archive, and the image must hold the native
 * library its JVM options name.
 */
@RealCluster
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImageE2E {
  private static final Duration PATIENCE = Duration.ofMinutes(3);
  private static final String NAMESPACE = "vk-image-e2e";
  private static final String RELEASE = "vk-image";

  private final ControlPlane cluster;
  private final Path repo = ControlPlane.repoRoot();
  private final Path work = repo.resolve("testbed/target/image-e2e");
  private Helm helm;
  private String reference;

  ImageE2E(ControlPlane cluster) {
    this.cluster = cluster;
  }

  @BeforeAll
  void buildImageAndHelm() throws IOException {
    // An earlier run's unpacked image and volumes (root's files: rm, not Java's walk).
    Commands.run(List.of("rm", "-rf", work.toString()), Map.of(), null, Duration.ofMinutes(2))
        .orThrow();
    Files.createDirectories(work);
    helm = Helm.build(repo, work.resolve("helm-home"));
    reference = OciImage.build(repo);
  }

  @Test
  void theChartsDeploymentStartsTheImageAsAReadyNode() throws Exception {
    // The API server dials the node at its InternalIP; in a pod the node listens on every address
    // of its own network namespace, here it shares the host's, so it binds the cluster's veth
    // (and so does its health port).
    String rendered =
        helm.run(
                "template",
                RELEASE,
                repo.resolve("charts/virtual-kubelet").toString(),
                "--namespace",
                NAMESPACE,
                "--set",
                "settings.kubelet-address=" + cluster.nodeAddress(),
                "--set",
                "settings.health-address=" + cluster.nodeAddress())
            .orThrow()
            .stdout();
    List<Map<String, Object>> objects = new ArrayList<>();
    new Yaml().loadAll(rendered).forEach(o -> objects.add(o == null ? null : map(o)));
    objects.removeIf(o -> o == null);
    List<Map<String, Object>> deployments =
        objects.stream().filter(o -> "Deployment".equals(o.get("kind"))).toList();
    assertThat(deployments).hasSize(1);
    PodTemplate template = new PodTemplate(deployments.get(0));
    assertThat(template.image())
        .as("the chart's default image is the one make image built")
        .isEqualTo(reference);
    OciImage image =
        OciImage.read(
            repo.resolve("target/image"), reference.substring(reference.lastIndexOf(':') + 1));

    String others =
        objects.stream()
            .filter(o -> !"Deployment".equals(o.get("kind")))
            .map(o -> new Yaml().dump(o))
            .reduce("", (a, b) -> a + "---\n" + b);
    String nodeName = (String) nodeConfig(objects).get("node-name");
    cluster.kubectl("create", "namespace", NAMESPACE).orThrow();
    ChrootContainer node = null;
    try {
      cluster.kubectlWithInput(others, "apply", "-f", "-").orThrow();
      String podName = map(deployments.get(0).get("metadata")).get("name") + "-image-e2e";

      PodRun run = PodRun.start(cluster, template, image, NAMESPACE, podName, work);
      node = run.container();

      ChrootContainer running = node;
      await("node " + nodeName + " Ready")
          .atMost(PATIENCE)
          .untilAsserted(
              () -> {
                assertThat(running.alive())
                    .as("node process alive:\n%s", running.logTail())
                    .isTrue();
                assertThat(
                        cluster
                            .kubectl(
                                "get",
                                "node",
                                nodeName,
                                "-o",
                                "jsonpath={.status.conditions[?(@.type==\"Ready\")].status}")
                            .stdout())
                    .as("Ready; log:\n%s", running.logTail())
                    .isEqualTo("True");
              });
      assertThat(
              cluster
                  .kubectl(
                      "get",
                      "node",
                      nodeName,
                      "-o",
                      "jsonpath={.status.addresses[?(@.type==\"InternalIP\")].address}")
                  .orThrow()
                  .stdout())
          .isEqualTo(cluster.nodeAddress());
      ContainerChecks.runsAsTheContainer(
          node, run.rootfs(), run.command(), run.uid(), run.gid(), template);
      ContainerChecks.mapsTheClassArchive(node, run.rootfs(), "mock"); // the chart's default
      ContainerChecks.shipsTheNativeCryptoLibrary(run.rootfs());
      Probes.pass(template, cluster.nodeAddress());
      SampleWorkload.runsOn(cluster, nodeName, NAMESPACE);
    } finally {
      if (node != null) {
        System.out.println("node log tail:\n" + node.logTail());
        node.close();
      }
      cluster.kubectlWithInput(others, "delete", "--ignore-not-found", "--wait=false", "-f", "-");
      cluster.kubectl("delete", "namespace", NAMESPACE, "--wait=false", "--ignore-not-found");
      cluster.kubectl("delete", "node", nodeName, "--ignore-not-found", "--wait=false");
      // The unpacked image (several hundred MB); the log and volumes stay for a look.
      Commands.run(
          List.of("rm", "-rf", work.resolve("bundle").toString()),
          Map.of(),
          null,
          Duration.ofMinutes(2));
    }
  }

  private static Map<String, Object> nodeConfig(List<Map<String, Object>> objects) {
    Map<String, Object> configMap =
        objects.stream()
            .filter(o -> "ConfigMap".equals(o.get("kind")))
            .filter(o -> map(o.get("data")).containsKey("config.yaml"))
            .findFirst()
            .orElseThrow();
    return map(new Yaml().load((String) map(configMap.get("data")).get("config.yaml")));
  }
}
