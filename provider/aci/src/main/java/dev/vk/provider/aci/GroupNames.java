package dev.vk.provider.aci;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Container group names: {@code <namespace>-<pod>} when that is a valid ARM name (lowercase
 * letters, digits and single hyphens, at most 63 characters); otherwise a cleaned, shortened prefix
 * plus a hash of the full {@code <namespace>-<pod>}, so that distinct pods never share a group.
 */
final class GroupNames {

  static final int MAX_LENGTH = 63;
  private static final int HASH_LENGTH = 10;

  private GroupNames() {}

  static String of(String namespace, String pod) {
    String raw = namespace + "-" + pod;
    String clean = clean(raw);
    if (clean.equals(raw) && raw.length() <= MAX_LENGTH) {
      return raw;
    }
    String prefix = clean.substring(0, Math.min(clean.length(), MAX_LENGTH - HASH_LENGTH - 1));
    prefix = trimHyphens(prefix);
    return (prefix.isEmpty() ? "" : prefix + "-") + sha256(raw).substring(0, HASH_LENGTH);
  }

  private static String clean(String raw) {
    String lower = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    return trimHyphens(lower.replaceAll("-{2,}", "-"));
  }

  private static String trimHyphens(String s) {
    return s.replaceAll("^-+", "").replaceAll("-+$", "");
  }

  private static String sha256(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
