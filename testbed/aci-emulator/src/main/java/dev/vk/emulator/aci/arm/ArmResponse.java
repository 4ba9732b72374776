package dev.vk.emulator.aci.arm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response before it becomes HTTP: status, extra headers, and a JSON body (or text, or none).
 *
 * @param status HTTP status
 * @param headers extra headers
 * @param json JSON body, or null
 * @param text text body (when {@code json} is null), or null for no body
 */
public record ArmResponse(int status, Map<String, String> headers, JsonNode json, String text) {

  /** A JSON response. */
  public static ArmResponse json(int status, JsonNode body) {
    return new ArmResponse(status, Map.of(), body, null);
  }

  /** A response without a body. */
  public static ArmResponse empty(int status) {
    return new ArmResponse(status, Map.of(), null, null);
  }

  /** A plain-text response. */
  public static ArmResponse text(int status, String body) {
    return new ArmResponse(status, Map.of(), null, body);
  }

  /** ARM's error shape {@code {"error":{"code","message"}}}. */
  public static ArmResponse error(ArmException e) {
    var body = Json.MAPPER.createObjectNode();
    body.putObject("error").put("code", e.code()).put("message", e.getMessage());
    return json(e.status(), body);
  }

  /** This response with one more header. */
  public ArmResponse withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new ArmResponse(status, copy, json, text);
  }
}
