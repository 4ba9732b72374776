package dev.vk.emulator.aci.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vk.emulator.aci.arm.ArmException;
import dev.vk.emulator.aci.arm.ArmRequest;
import dev.vk.emulator.aci.arm.ArmResponse;
import dev.vk.emulator.aci.arm.Json;
import dev.vk.emulator.aci.lifecycle.LifecycleSettings;
import dev.vk.emulator.aci.model.ContainerGroup;
import dev.vk.emulator.aci.model.ContainerGroupStore;
import dev.vk.emulator.aci.model.GroupKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /subscriptions/{sub}/metrics:getBatch}: Azure Monitor's batch metrics query for up to
 * {@value #MAX_RESOURCES} container groups of the subscription. Needs a token for the metrics
 * audience (an ARM token is refused, as Azure Monitor does). A group's series hold a point per
 * bucket up to now; buckets in which a container did not run carry no value, as Azure leaves them.
 */
public final class MetricsApi {

  static final int MAX_RESOURCES = 50;
  static final String AUDIENCE = "https://metrics.monitor.azure.com";
  private static final Pattern GROUP_ID =
      Pattern.compile(
          "/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/"
              + "Microsoft\\.ContainerInstance/containerGroups/([^/]+)",
          Pattern.CASE_INSENSITIVE);

  private final ContainerGroupStore store;
  private final LifecycleSettings lifecycle;
  private final Clock clock;

  /** Reads groups from {@code store}; timelines follow {@code lifecycle} and {@code clock}. */
  public MetricsApi(ContainerGroupStore store, LifecycleSettings lifecycle, Clock clock) {
    this.store = store;
    this.lifecycle = lifecycle;
    this.clock = clock;
  }

  /** The batch query. */
  public ArmResponse getBatch(ArmRequest request) {
    requireMetricsAudience(request);
    Instant now = clock.instant();
    MetricsQuery query = MetricsQuery.parse(request, now);
    List<String> ids = resourceIds(request);
    String subscription = request.param("subscriptionId");
    ArrayNode values = Json.MAPPER.createArrayNode();
    SeriesWriter writer = new SeriesWriter(query, lifecycle, now);
    for (String id : ids) {
      Matcher m = GROUP_ID.matcher(id);
      if (!m.matches()) {
        throw MetricsQuery.bad(
            "BadRequest",
            "Resource id '" + id + "' is not a Microsoft.ContainerInstance/containerGroups id.");
      }
      if (!m.group(1).equalsIgnoreCase(subscription)) {
        throw MetricsQuery.bad(
            "BadRequest",
            "Resource id '" + id + "' is not in subscription '" + subscription + "' of the batch.");
      }
      Optional<ContainerGroup> group = store.get(new GroupKey(m.group(1), m.group(2), m.group(3)));
      values.add(writer.resource(id, group.orElse(null)));
    }
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.set("values", values);
    return ArmResponse.json(200, body);
  }

  private static List<String> resourceIds(ArmRequest request) {
    JsonNode ids = request.json().path("resourceids");
    if (!ids.isArray() || ids.isEmpty()) {
      throw MetricsQuery.bad("BadRequest", "The body must list at least one id in 'resourceids'.");
    }
    if (ids.size() > MAX_RESOURCES) {
      throw MetricsQuery.bad(
          "BadRequest",
          "The batch lists "
              + ids.size()
              + " resource ids; at most "
              + MAX_RESOURCES
              + " are allowed in one request.");
    }
    List<String> list = new ArrayList<>();
    ids.forEach(id -> list.add(id.asText()));
    return list;
  }

  /** The emulator's tokens are unsigned JWTs; their {@code aud} must be the metrics audience. */
  private static void requireMetricsAudience(ArmRequest request) {
    String authorization = request.headers().get("Authorization", "");
    String[] parts = authorization.replaceFirst("(?i)^Bearer ", "").split("\\.");
    String audience = "";
    if (parts.length >= 2) {
      try {
        byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
        audience =
            Json.MAPPER
                .readTree(new String(payload, StandardCharsets.UTF_8))
                .path("aud")
                .asText("");
      } catch (IOException | IllegalArgumentException e) {
        audience = "";
      }
    }
    if (!audience.replaceAll("/+$", "").equalsIgnoreCase(AUDIENCE)) {
      throw new ArmException(
          401,
          "InvalidAuthenticationTokenAudience",
          "The access token has been obtained for wrong audience or resource '"
              + audience
              + "'. It should exactly match with one of the allowed audiences '"
              + AUDIENCE
              + "'.");
    }
  }
}
