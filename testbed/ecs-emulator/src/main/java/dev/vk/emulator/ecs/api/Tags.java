package dev.vk.emulator.ecs.api;

import dev.vk.emulator.ecs.http.AwsException;
import java.util.Map;

/** ECS tag limits: 50 per resource, keys up to 128 chars, values up to 256, "aws:" reserved. */
final class Tags {
  private Tags() {}

  static void validate(Map<String, String> tags, int existing) {
    if (tags.size() + existing > 50) {
      throw AwsException.invalidParameter("A resource can have at most 50 tags.");
    }
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      String key = tag.getKey();
      if (key == null || key.isEmpty() || key.length() > 128) {
        throw AwsException.invalidParameter("Tag keys must be 1-128 characters.");
      }
      if (key.toLowerCase(java.util.Locale.ROOT).startsWith("aws:")) {
        throw AwsException.invalidParameter("Tag keys prefixed with 'aws:' are reserved.");
      }
      if (tag.getValue().length() > 256) {
        throw AwsException.invalidParameter("Tag values must be at most 256 characters.");
      }
    }
  }
}
