package dev.vk.emulator.aci.arm;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A request as operations see it, detached from Netty's reference-counted buffers so it may cross
 * scheduled tasks (latency faults) without leaks.
 *
 * @param method HTTP method
 * @param uri the full request URI
 * @param headers request headers
 * @param body request body bytes
 * @param params path parameters
 * @param query query parameters
 */
public record ArmRequest(
    String method,
    String uri,
    HttpHeaders headers,
    byte[] body,
    Map<String, String> params,
    Map<String, List<String>> query) {

  /** A path parameter. */
  public String param(String name) {
    return params.get(name);
  }

  /** The first value of a query parameter, or null. */
  public String queryParam(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The body parsed as a JSON object; ARM's InvalidRequestContent when it is not one. */
  public JsonNode json() {
    JsonNode node;
    try {
      node = body.length == 0 ? null : Json.MAPPER.readTree(body);
    } catch (IOException e) {
      throw invalid(e.getMessage());
    }
    if (node == null || !node.isObject()) {
      throw invalid("expected a JSON object");
    }
    return node;
  }

  private static ArmException invalid(String reason) {
    return new ArmException(
        400,
        "InvalidRequestContent",
        "The request content was invalid and could not be deserialized: '" + reason + "'.");
  }
}
