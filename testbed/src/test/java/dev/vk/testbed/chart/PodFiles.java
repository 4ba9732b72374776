package dev.vk.testbed.chart;

import static dev.vk.testbed.chart.PodTemplate.listOrEmpty;
import static dev.vk.testbed.chart.PodTemplate.map;
import static dev.vk.testbed.chart.PodTemplate.mapOrEmpty;

import dev.vk.testbed.cluster.Commands;
import dev.vk.testbed.cluster.ControlPlane;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.Yaml;

/**
 * What a kubelet gives a pod's container from the API, written to host directories for {@link
 * ChrootContainer}: ConfigMap, Secret, projected and emptyDir volumes, the service account's token
 * ({@code kubectl create token}), CA and namespace at the in-cluster path, and {@code valueFrom}
 * values of the environment. Files belong to the pod's user and fsGroup, as the kubelet sets them.
 */
final class PodFiles {
  static final String SERVICE_ACCOUNT_DIR = "/var/run/secrets/kubernetes.io/serviceaccount";

  private final ControlPlane cluster;
  private final String namespace;
  private final Map<String, String> fields;

  /**
   * @param fields downward API values by field path ({@code status.podIP}, {@code metadata.name})
   */
  PodFiles(ControlPlane cluster, String namespace, Map<String, String> fields) {
    this.cluster = cluster;
    this.namespace = namespace;
    this.fields = fields;
  }

  /** The mounts of the template's container, volumes written under {@code dir}. Blocks. */
  List<ChrootContainer.Mount> mounts(PodTemplate template, Path dir, long uid, long gid)
      throws IOException {
    List<ChrootContainer.Mount> mounts = new ArrayList<>();
    for (Map<String, Object> m : template.volumeMounts()) {
      if (m.get("subPath") != null) {
        throw new UnsupportedOperationException("subPath is not mounted by this test runner");
      }
      String name = (String) m.get("name");
      Path source = dir.resolve("volumes").resolve(name);
      if (!Files.isDirectory(source)) {
        write(template.volume(name), source);
      }
      mounts.add(
          new ChrootContainer.Mount(
              source, (String) m.get("mountPath"), Boolean.TRUE.equals(m.get("readOnly"))));
    }
    if (template.automountServiceAccountToken()) {
      Path sa = dir.resolve("serviceaccount");
      Files.createDirectories(sa);
      String token =
          cluster
              .kubectl(
                  "create",
                  "token",
                  template.serviceAccountName(),
                  "-n",
                  namespace,
                  "--duration=1h")
              .orThrow()
              .stdout()
              .strip();
      Files.writeString(sa.resolve("token"), token);
      Files.copy(cluster.caCertificate(), sa.resolve("ca.crt"));
      Files.writeString(sa.resolve("namespace"), namespace);
      mounts.add(new ChrootContainer.Mount(sa, SERVICE_ACCOUNT_DIR, true));
    }
    Path volumes = dir.resolve("volumes");
    Files.createDirectories(volumes);
    Commands.run(
            List.of(
                "chown",
                "-R",
                uid + ":" + gid,
                volumes.toString(),
                dir.resolve("serviceaccount").toString()),
            Map.of(),
            null,
            Duration.ofSeconds(30))
        .orThrow();
    return mounts;
  }

  /** The value of an environment variable's {@code valueFrom}. Blocks on the API. */
  String valueFrom(Map<String, Object> from) {
    if (from.get("fieldRef") != null) {
      return field((String) map(from.get("fieldRef")).get("fieldPath"));
    }
    if (from.get("configMapKeyRef") != null) {
      Map<String, Object> ref = map(from.get("configMapKeyRef"));
      return configMap((String) ref.get("name")).get((String) ref.get("key"));
    }
    if (from.get("secretKeyRef") != null) {
      Map<String, Object> ref = map(from.get("secretKeyRef"));
      return secret((String) ref.get("name")).get((String) ref.get("key"));
    }
    throw new UnsupportedOperationException("valueFrom " + from);
  }

  private void write(Map<String, Object> volume, Path dir) throws IOException {
    Files.createDirectories(dir);
    if (volume.containsKey("emptyDir")) {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    } else if (volume.containsKey("configMap")) {
      Map<String, Object> cm = map(volume.get("configMap"));
      files(dir, configMap((String) cm.get("name")), cm);
    } else if (volume.containsKey("secret")) {
      Map<String, Object> s = map(volume.get("secret"));
      files(dir, secret((String) s.get("secretName")), s);
    } else if (volume.containsKey("projected")) {
      for (Map<String, Object> source : listOrEmpty(map(volume.get("projected")).get("sources"))) {
        if (source.containsKey("configMap")) {
          Map<String, Object> cm = map(source.get("configMap"));
          files(dir, configMap((String) cm.get("name")), cm);
        } else if (source.containsKey("secret")) {
          Map<String, Object> s = map(source.get("secret"));
          files(dir, secret((String) s.get("name")), s);
        } else if (source.containsKey("downwardAPI")) {
          for (Map<String, Object> item :
              listOrEmpty(map(source.get("downwardAPI")).get("items"))) {
            String path = (String) map(item.get("fieldRef")).get("fieldPath");
            writeFile(dir.resolve((String) item.get("path")), field(path));
          }
        } else {
          throw new UnsupportedOperationException("projected source " + source.keySet());
        }
      }
    } else {
      throw new UnsupportedOperationException("volume " + volume.keySet());
    }
  }

  /** All keys, or only {@code items} (key to path), as the kubelet projects them. */
  private static void files(Path dir, Map<String, String> data, Map<String, Object> source)
      throws IOException {
    List<Map<String, Object>> items = listOrEmpty(source.get("items"));
    if (items.isEmpty()) {
      for (Map.Entry<String, String> e : data.entrySet()) {
        writeFile(dir.resolve(e.getKey()), e.getValue());
      }
    }
    for (Map<String, Object> item : items) {
      String key = (String) item.get("key");
      if (!data.containsKey(key)) {
        throw new IllegalStateException("no key " + key + " for " + source);
      }
      writeFile(dir.resolve((String) item.get("path")), data.get(key));
    }
  }

  private static void writeFile(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private String field(String path) {
    String value = fields.get(path);
    if (value == null) {
      throw new UnsupportedOperationException("downward API field " + path);
    }
    return value;
  }

  private Map<String, String> configMap(String name) {
    return stringMap(object("configmap", name).get("data"));
  }

  private Map<String, String> secret(String name) {
    Map<String, String> data = new TreeMap<>();
    stringMap(object("secret", name).get("data"))
        .forEach(
            (k, v) ->
                data.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
    return data;
  }

  private Map<String, Object> object(String kind, String name) {
    String json =
        cluster.kubectl("get", kind, name, "-n", namespace, "-o", "json").orThrow().stdout();
    return map(new Yaml().load(json));
  }

  private static Map<String, String> stringMap(Object o) {
    Map<String, String> out = new TreeMap<>();
    mapOrEmpty(o).forEach((k, v) -> out.put(k, String.valueOf(v)));
    return out;
  }
}
