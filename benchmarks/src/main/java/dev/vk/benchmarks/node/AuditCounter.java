package dev.vk.benchmarks.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts the API server's audit events (one JSON line each, stage ResponseComplete) of one user by
 * verb and resource, from a byte offset of the audit log, so one run's calls are told apart.
 */
final class AuditCounter {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path log;

  AuditCounter(Path log) {
    this.log = log;
  }

  boolean enabled() {
    return Files.isRegularFile(log);
  }

  /** The current end of the log: where the next run's events start. */
  long mark() {
    try {
      return enabled() ? Files.size(log) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  /** "verb resource" to count for {@code user} between two marks. Blocks while reading the log. */
  Map<String, Integer> count(String user, long from, long to) {
    Map<String, Integer> calls = new TreeMap<>();
    if (!enabled()) {
      return calls;
    }
    try (BufferedReader in = Files.newBufferedReader(log)) {
      in.skip(from);
      long read = from;
      for (String line = in.readLine(); line != null && read < to; line = in.readLine()) {
        read += line.length() + 1;
        JsonNode e = JSON.readTree(line);
        // A watch is counted when it starts (it may outlive the run); other calls when they end.
        String verb = e.path("verb").asText();
        String stage = verb.equals("watch") ? "ResponseStarted" : "ResponseComplete";
        if (!stage.equals(e.path("stage").asText())
            || !user.equals(e.path("user").path("username").asText())) {
          continue;
        }
        JsonNode ref = e.path("objectRef");
        if (ref.path("resource").asText().equals("selfsubjectreviews")) {
          continue; // the benchmark's own "kubectl auth whoami" with the node's kubeconfig
        }
        String resource = ref.path("resource").asText("(none)");
        if (ref.hasNonNull("subresource")) {
          resource += "/" + ref.path("subresource").asText();
        }
        calls.merge(verb + " " + resource, 1, Integer::sum);
      }
    } catch (IOException e) {
      calls.put("unreadable audit log: " + e.getMessage(), 0);
    }
    return calls;
  }
}
