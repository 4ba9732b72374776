package dev.vk.provider.mock;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes the mock's state as JSON. A write goes to a temporary file that is then renamed
 * over the old one, so a process killed mid-write leaves the previous state, never half a file.
 */
final class StateFile {

  static final int VERSION = 1;

  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** The whole file. */
  record Document(
      int version, long nextAddress, Map<String, Long> callCounts, List<StoredPod> pods) {}

  /**
   * One pod.
   *
   * @param createdAt ISO-8601 instant
   * @param pod the Kubernetes JSON of the pod's metadata and spec
   */
  record StoredPod(String createdAt, String podIp, JsonNode pod) {}

  private StateFile() {}

  /** The document in {@code file}, or empty when there is no file yet. Blocks on disk I/O. */
  static Optional<Document> read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    return Optional.of(MAPPER.readValue(file.toFile(), Document.class));
  }

  /** Replaces {@code file} atomically with {@code document}. Blocks on disk I/O. */
  static void write(Path file, Document document) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      MAPPER.writeValue(temp.toFile(), document);
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
