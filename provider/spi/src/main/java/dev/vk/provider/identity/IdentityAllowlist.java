package dev.vk.provider.identity;

import dev.vk.provider.settings.SettingException;
import dev.vk.provider.settings.SettingReader;
import jakarta.annotation.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Which cloud identities the pods of a namespace, or of one ServiceAccount in it, may run with.
 * Written as comma-separated {@code <namespace>=<identity>} or {@code
 * <namespace>/<serviceaccount>=<identity>} entries; a key may repeat to allow several identities. A
 * namespace entry covers every ServiceAccount in it. Empty allows nothing. Immutable and
 * thread-safe.
 */
public final class IdentityAllowlist {
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  /** Allows nothing. */
  public static final IdentityAllowlist EMPTY = new IdentityAllowlist(Map.of());

  private final Map<String, Set<String>> byKey;

  private IdentityAllowlist(Map<String, Set<String>> byKey) {
    this.byKey = byKey;
  }

  /**
   * Reads the allowlist setting {@code name}. Idempotent; never blocks.
   *
   * @param identity which identities are well-formed, e.g. IAM role ARNs
   * @param identityKind what a well-formed identity is, for the error ("an IAM role ARN")
   * @throws SettingException naming the setting, its value and the first bad entry
   */
  public static IdentityAllowlist read(
      SettingReader settings, String name, Predicate<String> identity, String identityKind) {
    String value = settings.optional(name).orElse(null);
    try {
      return parse(value, identity, identityKind);
    } catch (IllegalArgumentException e) {
      throw settings.invalid(
          name, value, "<namespace>[/<serviceaccount>]=<identity> entries; " + e.getMessage());
    }
  }

  /**
   * Parses the setting's value.
   *
   * @param value the setting, possibly null or blank (allows nothing)
   * @param identity which identities are well-formed, e.g. IAM role ARNs
   * @param identityKind what a well-formed identity is, for the error ("an IAM role ARN")
   * @throws IllegalArgumentException one line naming the first bad entry
   */
  public static IdentityAllowlist parse(
      @Nullable String value, Predicate<String> identity, String identityKind) {
    if (value == null || value.isBlank()) {
      return EMPTY;
    }
    Map<String, Set<String>> byKey = new LinkedHashMap<>();
    for (String raw : value.split(",")) {
      String entry = raw.trim();
      if (entry.isEmpty()) {
        continue;
      }
      int eq = entry.indexOf('=');
      if (eq < 0) {
        throw bad(entry, "expected <namespace>[/<serviceaccount>]=<identity>");
      }
      String key = entry.substring(0, eq).trim();
      String id = entry.substring(eq + 1).trim();
      checkKey(entry, key);
      if (!identity.test(id)) {
        throw bad(entry, "'" + id + "' is not " + identityKind);
      }
      byKey.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(id);
    }
    Map<String, Set<String>> frozen = new LinkedHashMap<>();
    byKey.forEach((k, v) -> frozen.put(k, Set.copyOf(v)));
    return new IdentityAllowlist(Map.copyOf(frozen));
  }

  /** Whether a pod of {@code namespace} running as {@code serviceAccount} may use the identity. */
  public boolean permits(String namespace, String serviceAccount, String identity) {
    return byKey.getOrDefault(namespace, Set.of()).contains(identity)
        || byKey.getOrDefault(namespace + "/" + serviceAccount, Set.of()).contains(identity);
  }

  /** The keys and identities, for logs. */
  public List<String> entries() {
    List<String> out = new ArrayList<>();
    byKey.forEach((k, ids) -> ids.forEach(id -> out.add(k + "=" + id)));
    return out;
  }

  private static void checkKey(String entry, String key) {
    int slash = key.indexOf('/');
    String namespace = slash < 0 ? key : key.substring(0, slash);
    if (namespace.length() > 63 || !LABEL.matcher(namespace).matches()) {
      throw bad(entry, "'" + namespace + "' is not a namespace name");
    }
    if (slash >= 0) {
      String account = key.substring(slash + 1);
      if (account.length() > 253 || !SUBDOMAIN.matcher(account).matches()) {
        throw bad(entry, "'" + account + "' is not a ServiceAccount name");
      }
    }
  }

  private static IllegalArgumentException bad(String entry, String why) {
    return new IllegalArgumentException("entry '" + entry + "': " + why);
  }
}
