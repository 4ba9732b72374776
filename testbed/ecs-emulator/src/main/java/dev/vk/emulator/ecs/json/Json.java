package dev.vk.emulator.ecs.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The one ObjectMapper and the small accessors every operation needs. */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /** A text member, or null when absent or JSON null. */
  public static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** A text member with a default. */
  public static String text(JsonNode node, String field, String fallback) {
    String value = text(node, field);
    return value == null ? fallback : value;
  }

  /** A boolean member with a default. */
  public static boolean bool(JsonNode node, String field, boolean fallback) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? fallback : value.asBoolean();
  }

  /** An integer member, or null when absent. */
  public static Integer integer(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asInt();
  }

  /** A long member, or null when absent. */
  public static Long longValue(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asLong();
  }

  /** A list of strings; empty when absent. */
  public static List<String> strings(JsonNode node, String field) {
    List<String> result = new ArrayList<>();
    JsonNode value = node.get(field);
    if (value != null && value.isArray()) {
      value.forEach(item -> result.add(item.asText()));
    }
    return result;
  }

  /** The elements of an array member; empty when absent. */
  public static List<JsonNode> elements(JsonNode node, String field) {
    List<JsonNode> result = new ArrayList<>();
    JsonNode value = node.get(field);
    if (value != null && value.isArray()) {
      value.forEach(result::add);
    }
    return result;
  }

  /** ECS tags ({@code [{key, value}]}) as an ordered map. */
  public static Map<String, String> tags(JsonNode node, String field) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (JsonNode tag : elements(node, field)) {
      tags.put(text(tag, "key"), text(tag, "value", ""));
    }
    return tags;
  }

  /** An ordered map as ECS tags. */
  public static ArrayNode tagArray(Map<String, String> tags) {
    ArrayNode array = array();
    tags.forEach((key, value) -> array.addObject().put("key", key).put("value", value));
    return array;
  }

  /** ECS timestamps travel as fractional epoch seconds. */
  public static double epochSeconds(Instant instant) {
    return instant.toEpochMilli() / 1000.0;
  }
}
