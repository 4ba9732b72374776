package dev.vk.emulator.ecs.api;

import dev.vk.emulator.ecs.http.AwsException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque nextToken for CloudWatch Logs list calls: an offset into the sorted result. */
final class OffsetToken {
  private OffsetToken() {}

  static String encode(int offset) {
    return Base64.getEncoder().encodeToString(("o:" + offset).getBytes(StandardCharsets.UTF_8));
  }

  static int decode(String token) {
    if (token == null) {
      return 0;
    }
    try {
      String text = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
      if (text.startsWith("o:")) {
        return Integer.parseInt(text.substring(2));
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw AwsException.invalidParameter("The specified nextToken is invalid.");
  }
}
