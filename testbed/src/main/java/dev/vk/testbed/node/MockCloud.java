package dev.vk.testbed.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

  /** How often each provider operation was called, across node restarts. */
  public static Map<String, Long> calls(Path stateFile) {
    try {
      return InMemoryProvider.readCallCounts(stateFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
