package dev.vk.emulator.ecs.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vk.emulator.ecs.http.AwsException;
import dev.vk.emulator.ecs.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * One page of an ECS list call: {@code maxResults} items from the offset an opaque {@code
 * nextToken} names; the token is absent on the last page.
 */
record Page(List<String> items, String nextToken) {

  static Page of(List<String> all, ObjectNode request, int maxDefault) {
    Integer maxResults = Json.integer(request, "maxResults");
    int size = maxResults == null ? maxDefault : maxResults;
    if (size < 1 || size > 100) {
      throw AwsException.invalidParameter("maxResults must be between 1 and 100.");
    }
    int offset = decode(Json.text(request, "nextToken"));
    int end = Math.min(all.size(), offset + size);
    List<String> items = offset >= all.size() ? List.of() : all.subList(offset, end);
    return new Page(items, end < all.size() ? encode(end) : null);
  }

  void writeNextToken(ObjectNode response) {
    if (nextToken != null) {
      response.put("nextToken", nextToken);
    }
  }

  private static String encode(int offset) {
    return Base64.getEncoder()
        .encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int decode(String token) {
    if (token == null) {
      return 0;
    }
    try {
      String text = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
      if (text.startsWith("offset:")) {
        return Integer.parseInt(text.substring("offset:".length()));
      }
    } catch (IllegalArgumentException e) {
      // falls through to the error below
    }
    throw AwsException.invalidParameter("Invalid nextToken.");
  }
}
