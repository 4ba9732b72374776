package dev.vk.provider.aci.arm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Container group names: {@code <namespace>-<pod>} cleaned to a valid ARM name (lowercase letters,
 * digits and single hyphens) and shortened, then a hash of the cluster id, namespace and pod. Names
 * are unique per resource group, so the hash keeps two clusters sharing one resource group from
 * ever choosing the same name for their pods, and distinct pods from sharing a group. At most 63
 * characters.
 */
public final class GroupNames {

  static final int MAX_LENGTH = 63;
  private static final int HASH_LENGTH = 10;

  private GroupNames() {}

  /** The group name of pod {@code namespace/pod} in cluster {@code clusterId}. Deterministic. */
  public static String of(String clusterId, String namespace, String pod) {
    String clean = clean(namespace + "-" + pod);
    String prefix = clean.substring(0, Math.min(clean.length(), MAX_LENGTH - HASH_LENGTH - 1));
    prefix = trimHyphens(prefix);
    String hash = sha256(clusterId + "/" + namespace + "/" + pod).substring(0, HASH_LENGTH);
    return (prefix.isEmpty() ? "" : prefix + "-") + hash;
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
