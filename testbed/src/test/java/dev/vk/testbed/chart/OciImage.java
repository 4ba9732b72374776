package dev.vk.testbed.chart;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.vk.testbed.cluster.CommandResult;
import dev.vk.testbed.cluster.Commands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One image of an OCI image layout (what {@code image/build.sh} writes): its runtime config, read
 * from the layout's index, manifest and config blobs as a container runtime reads it, and its root
 * file system, unpacked with umoci.
 *
 * @param entrypoint the config's {@code Entrypoint} (empty when unset)
 * @param cmd the config's {@code Cmd}
 * @param env the config's {@code Env}, {@code NAME=value} entries in order
 * @param user the config's {@code User}, such as {@code 65532:65532}
 * @param workingDir the config's {@code WorkingDir}, {@code /} when unset
 */
record OciImage(
    Path layout,
    String tag,
    List<String> entrypoint,
    List<String> cmd,
    List<String> env,
    String user,
    String workingDir) {
  private static final String REF_NAME = "org.opencontainers.image.ref.name";

  /**
   * Builds the image with {@code image/build.sh} (warm: the cached base is reused) and returns its
   * reference, such as {@code virtual-kubelet:0.1.0}. Blocks for up to 30 minutes.
   */
  static String build(Path repo) {
    CommandResult r =
        Commands.run(
            List.of("bash", repo.resolve("image/build.sh").toString()),
            Map.of(),
            null,
            Duration.ofMinutes(30));
    r.stderr().lines().forEach(System.out::println);
    r.orThrow();
    List<String> lines = r.stdout().lines().toList();
    return lines.get(lines.size() - 1).strip();
  }

  /** The image tagged {@code tag} in the layout. */
  static OciImage read(Path layout, String tag) {
    JsonObject index = json(layout.resolve("index.json"));
    JsonObject manifestRef = null;
    for (JsonElement m : index.getAsJsonArray("manifests")) {
      JsonObject annotations = m.getAsJsonObject().getAsJsonObject("annotations");
      if (annotations != null
          && annotations.has(REF_NAME)
          && annotations.get(REF_NAME).getAsString().equals(tag)) {
        manifestRef = m.getAsJsonObject();
      }
    }
    if (manifestRef == null) {
      throw new IllegalStateException("no image tagged " + tag + " in " + layout);
    }
    JsonObject manifest = json(blob(layout, manifestRef.get("digest").getAsString()));
    JsonObject image =
        json(blob(layout, manifest.getAsJsonObject("config").get("digest").getAsString()));
    JsonObject config = image.getAsJsonObject("config");
    String workingDir = string(config, "WorkingDir");
    return new OciImage(
        layout,
        tag,
        strings(config, "Entrypoint"),
        strings(config, "Cmd"),
        strings(config, "Env"),
        string(config, "User"),
        workingDir.isEmpty() ? "/" : workingDir);
  }

  /**
   * Unpacks the root file system into {@code bundle/rootfs} (files keep the image's owners), with
   * {@code umoci unpack}; may block for a minute.
   */
  Path unpack(Path bundle) {
    Commands.run(
            List.of("umoci", "unpack", "--image", layout + ":" + tag, bundle.toString()),
            Map.of(),
            null,
            Duration.ofMinutes(5))
        .orThrow();
    return bundle.resolve("rootfs");
  }

  private static Path blob(Path layout, String digest) {
    String[] algorithmAndHex = digest.split(":", 2);
    return layout.resolve("blobs").resolve(algorithmAndHex[0]).resolve(algorithmAndHex[1]);
  }

  private static JsonObject json(Path file) {
    try {
      return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> strings(JsonObject config, String key) {
    List<String> values = new ArrayList<>();
    if (config != null && config.has(key) && config.get(key).isJsonArray()) {
      JsonArray array = config.getAsJsonArray(key);
      array.forEach(e -> values.add(e.getAsString()));
    }
    return values;
  }

  private static String string(JsonObject config, String key) {
    return config != null && config.has(key) && !config.get(key).isJsonNull()
        ? config.get(key).getAsString()
        : "";
  }
}
