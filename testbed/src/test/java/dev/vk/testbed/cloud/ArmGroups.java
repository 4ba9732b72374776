package dev.vk.testbed.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vk.emulator.aci.AciEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the container groups of the ACI emulator through ARM's REST API, as {@code az container
 * list} would: the subscription-wide list (operation {@code containerGroups.list}, which the
 * provider does not use), following {@code nextLink}. A 429 is honoured: until its Retry-After has
 * passed every read fails without calling, so these reads never add a Retry-After violation.
 */
final class ArmGroups {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AciEmulator aci;
  private final HttpClient http;
  private Instant notBefore = Instant.EPOCH;

  ArmGroups(AciEmulator aci) {
    this.aci = aci;
    try {
      this.http =
          HttpClient.newBuilder()
              .sslContext(aci.clientSslContext())
              .connectTimeout(Duration.ofSeconds(5))
              .build();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every container group of the subscription, as ARM lists it (no instance views). */
  synchronized List<JsonNode> all() {
    if (Instant.now().isBefore(notBefore)) {
      throw new IllegalStateException("ARM asked to wait until " + notBefore);
    }
    List<JsonNode> groups = new ArrayList<>();
    String url =
        aci.baseUrl()
            + "/subscriptions/"
            + aci.subscriptionId()
            + "/providers/Microsoft.ContainerInstance/containerGroups?api-version=2023-05-01";
    while (url != null && !url.isEmpty()) {
      JsonNode page = get(url);
      page.path("value").forEach(groups::add);
      url = page.path("nextLink").asText(null);
    }
    return groups;
  }

  /** The groups whose name starts with {@code prefix}, by name. */
  Map<String, JsonNode> named(String prefix) {
    return all().stream()
        .filter(g -> g.path("name").asText().startsWith(prefix))
        .collect(Collectors.toMap(g -> g.path("name").asText(), g -> g));
  }

  /** The groups tagged with pod {@code namespace/name}, of any node or cluster. */
  List<JsonNode> ofPod(String namespace, String name) {
    return all().stream()
        .filter(g -> name.equals(tag(g, "pod-name")) && namespace.equals(tag(g, "pod-namespace")))
        .toList();
  }

  private JsonNode get(String url) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer e2e-reader")
            .timeout(Duration.ofSeconds(20))
            .GET()
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 429) {
        long seconds = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
        notBefore = Instant.now().plusSeconds(seconds).plusMillis(100);
      }
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "GET " + url + " -> " + response.statusCode() + ": " + response.body());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("GET " + url, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String tag(JsonNode group, String name) {
    return group.path("tags").path(name).asText(null);
  }

  /** The first container's {@code resources.requests}. */
  static JsonNode requests(JsonNode group) {
    return group
        .path("properties")
        .path("containers")
        .path(0)
        .path("properties")
        .path("resources")
        .path("requests");
  }
}
