package dev.vk.testbed.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.testbed.cluster.ControlPlane;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A rendered pod template's container started from an unpacked image, with what a kubelet would
 * give it on a node whose pod address is the testbed's {@link ControlPlane#nodeAddress()}: the
 * downward API, the volumes and service-account files ({@link PodFiles}), the {@code KUBERNETES_*}
 * variables of the API server, {@code /etc/hosts} and {@code /etc/resolv.conf}.
 *
 * @param container the running container
 * @param rootfs the unpacked image root
 * @param command what runs: the image's entrypoint or the template's command, with its args
 */
record PodRun(ChrootContainer container, Path rootfs, List<String> command, long uid, long gid) {

  /**
   * Unpacks {@code image} under {@code work}, writes the pod's files there and starts the
   * container, its output in {@code work/node.log}. Returns once the process is started; blocks on
   * the API and the unpacking meanwhile.
   */
  static PodRun start(
      ControlPlane cluster,
      PodTemplate template,
      OciImage image,
      String namespace,
      String podName,
      Path work)
      throws IOException {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("status.podIP", cluster.nodeAddress());
    fields.put("status.podIPs", cluster.nodeAddress());
    fields.put("status.hostIP", cluster.nodeAddress());
    fields.put("metadata.name", podName);
    fields.put("metadata.namespace", namespace);
    fields.put("metadata.uid", UUID.randomUUID().toString());
    fields.put("spec.nodeName", "image-e2e-host");
    fields.put("spec.serviceAccountName", template.serviceAccountName());
    PodFiles files = new PodFiles(cluster, namespace, fields);

    Map<String, String> base = new LinkedHashMap<>();
    for (String entry : image.env()) {
      int eq = entry.indexOf('=');
      base.put(entry.substring(0, eq), entry.substring(eq + 1));
    }
    URI api = URI.create(cluster.apiServerUrl());
    base.put("HOSTNAME", podName);
    base.put("KUBERNETES_SERVICE_HOST", api.getHost());
    base.put("KUBERNETES_SERVICE_PORT", Integer.toString(api.getPort()));
    Map<String, String> env = template.env(base, files::valueFrom);

    long uid = template.uid(image);
    long gid = template.gid(image);
    if (template.runAsNonRoot()) {
      assertThat(uid).as("runAsNonRoot").isNotZero();
    }
    Path rootfs = image.unpack(work.resolve("bundle"));
    List<ChrootContainer.Mount> mounts =
        new ArrayList<>(files.mounts(template, work, uid, template.fsGroup().orElse(gid)));
    Path hosts = work.resolve("hosts");
    Files.writeString(
        hosts, "127.0.0.1 localhost\n" + cluster.nodeAddress() + " " + podName + "\n");
    mounts.add(new ChrootContainer.Mount(hosts, "/etc/hosts", true));
    mounts.add(new ChrootContainer.Mount(Path.of("/etc/resolv.conf"), "/etc/resolv.conf", true));
    List<String> command = template.command(image, env);
    ChrootContainer container =
        ChrootContainer.start(
            rootfs,
            mounts,
            template.readOnlyRootFilesystem(),
            uid,
            gid,
            image.workingDir(),
            podName,
            env,
            command,
            work.resolve("node.log"));
    return new PodRun(container, rootfs, command, uid, gid);
  }
}
