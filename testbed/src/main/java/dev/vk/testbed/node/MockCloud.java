package dev.vk.testbed.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vk.provider.mock.InMemoryProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the mock provider's "cloud" holds, read from its state file while a node runs: the view a
 * test needs to prove that pods were really created, kept or removed at the provider.
 */
public final class MockCloud {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private MockCloud() {}

  /** {@code namespace/name} of every pod the provider runs. */
  public static Set<String> podKeys(Path stateFile) {
    Set<String> keys = new TreeSet<>();
    if (!Files.exists(stateFile)) {
      return keys;
    }
    try {
      JsonNode doc = MAPPER.readTree(stateFile.toFile());
      for (JsonNode p : doc.path("pods")) {
        JsonNode meta = p.path("pod").path("metadata");
        keys.add(meta.path("namespace").asText() + "/" + meta.path("name").asText());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return keys;
  }

  /**
   * Deletes a pod behind the node's back, as a cloud operator (or a cloud outage) would. Only safe
   * while the node process is not running.
   */
  public static void loseBehindTheNodesBack(Path stateFile, String namespace, String name) {
    try {
      ObjectNode doc = (ObjectNode) MAPPER.readTree(stateFile.toFile());
      ArrayNode kept = MAPPER.createArrayNode();
      for (JsonNode p : doc.path("pods")) {
        JsonNode meta = p.path("pod").path("metadata");
        if (!(meta.path("namespace").asText().equals(namespace)
            && meta.path("name").asText().equals(name))) {
          kept.add(p);
        }
      }
      doc.set("pods", kept);
      MAPPER.writeValue(stateFile.toFile(), doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How often each provider operation was called, across node restarts. */
  public static Map<String, Long> calls(Path stateFile) {
    try {
      return InMemoryProvider.readCallCounts(stateFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
