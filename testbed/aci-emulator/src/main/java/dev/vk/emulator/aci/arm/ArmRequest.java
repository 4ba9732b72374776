package dev.vk.emulator.aci.arm;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A routed request, detached from Netty's reference-counted buffers so handlers may pass it
 * across scheduled tasks (latency faults) without leaks.
 *
 * @param method HTTP method
 * @param uri the full request URI
 * @param headers request headers
 * @param body request body bytes
 * @param route the matched route, null if none matched
 * @param params path parameters
 * @param query query parameters
 * @param sequence the call's number in {@code Calls}, 0 if not counted
 */
public record ArmRequest(
    String method,
    String uri,
    HttpHeaders headers,
    byte[] body,
    dev.vk.emulator.aci.arm.RouteInfo route,
    Map<String, String> params,
    Map<String, List<String>> query,
    long sequence) {

  /** A path parameter. */
  public String param(String name) {
    return params.get(name);
  }

  /** The first value of a query parameter, or null. */
  public String queryParam(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The body parsed as JSON; ARM's InvalidRequestContent when it is not. */
  public JsonNode json() {
    try {
      JsonNode node = body.length == 0 ? null : Json.MAPPER.readTree(body);
      if (node == null || !node.isObject()) {
        throw new ArmException(400, "InvalidRequestContent", "The request content was invalid and could not be deserialized: 'expected a JSON object'.");
      }
      return node;
    } catch (IOException e) {
      throw new ArmException(
          400,
          "InvalidRequestContent",
          "The request content was invalid and could not be deserialized: '" + e.getOriginalMessage() + "'.");
    }
  }

  /** This request with its call sequence number. */
  public ArmRequest withSequence(long number) {
    return new ArmRequest(method, uri, headers, body, route, params, query, number);
  }
}
