package dev.vk.node.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The namespaces whose pods the node runs (setting {@code namespaces}): all when empty, else only
 * the listed ones, matching the namespaced RBAC the Helm chart renders (docs/security.md).
 */
public final class ServedNamespaces {
  public static final ServedNamespaces ALL = new ServedNamespaces(Set.of());
  private static final String DNS_LABEL = "[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?";

  private final Set<String> names;

  private ServedNamespaces(Set<String> names) {
    this.names = Collections.unmodifiableSet(names);
  }

  /** Parses {@code a,b} (a config file's YAML list arrives as {@code [a, b]}). */
  public static ServedNamespaces from(Settings s) {
    String raw = s.get("namespaces").orElse("").strip();
    if (raw.startsWith("[") && raw.endsWith("]")) {
      raw = raw.substring(1, raw.length() - 1);
    }
    Set<String> names = new LinkedHashSet<>();
    for (String part : raw.split(",")) {
      String name = part.strip();
      if (name.isEmpty()) {
        continue;
      }
      if (!name.matches(DNS_LABEL)) {
        throw s.reader().invalid("namespaces", name, "comma-separated namespace names");
      }
      names.add(name);
    }
    return names.isEmpty() ? ALL : new ServedNamespaces(names);
  }

  /** True when the node serves every namespace. */
  public boolean all() {
    return names.isEmpty();
  }

  public boolean serves(String namespace) {
    return names.isEmpty() || names.contains(namespace);
  }

  /** The listed namespaces, in the order given; empty when all are served. */
  public List<String> names() {
    return new ArrayList<>(names);
  }

  @Override
  public String toString() {
    return names.isEmpty() ? "all namespaces" : String.join(", ", names);
  }
}
