package dev.vk.provider.fargate.mapping;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;

/**
 * Task definition family names and other ECS identifiers built from Kubernetes names. ECS families
 * allow {@code [A-Za-z0-9_-]{1,255}}; Kubernetes names also contain dots, so names are sanitised
 * and a hash keeps distinct inputs distinct after sanitising or truncation.
 */
public final class FamilyNames {
  static final int MAX_FAMILY = 255;

  private FamilyNames() {}

  /**
   * The family of a pod spec: {@code vk-<node>-<namespace>-<base>-<spechash>}. The spec hash makes
   * the family content-addressed, so identical specs (the replicas of one Deployment share a base,
   * their generateName) resolve to the same family and reuse its revision.
   */
  public static String family(String nodeIdentity, String namespace, String base, String specHash) {
    String head = sanitize("vk-" + nodeIdentity + "-" + namespace + "-" + base);
    int room = MAX_FAMILY - specHash.length() - 1;
    if (head.length() > room) {
      head = head.substring(0, room);
    }
    return head + "-" + specHash;
  }

  /** The prefix of every family this node registers, for cleanup. */
  public static String familyPrefix(String nodeIdentity) {
    return sanitize("vk-" + nodeIdentity + "-");
  }

  /**
   * The node's {@code startedBy} value: at most 36 of {@code [A-Za-z0-9_-]}. A node name that does
   * not fit as is keeps a readable head and gets a hash of the full name.
   */
  public static String startedBy(String nodeName) {
    String clean = sanitize(nodeName);
    if (clean.equals(nodeName) && clean.length() <= 36) {
      return clean;
    }
    String head = clean.length() > 27 ? clean.substring(0, 27) : clean;
    return head + "-" + sha256(nodeName).substring(0, 8);
  }

  /** Replaces every character ECS does not allow in names with {@code -}. */
  public static String sanitize(String text) {
    return text.replaceAll("[^A-Za-z0-9_-]", "-");
  }

  /**
   * The content hash of a registration, family excluded. The SDK's {@code toString} redacts
   * container environments, so they are appended: two specs differing only in an environment value
   * (or in a ConfigMap the volume helper carries) must not share a revision.
   */
  static String contentHash(RegisterTaskDefinitionRequest request) {
    StringBuilder text = new StringBuilder(request.toString());
    for (ContainerDefinition c : request.containerDefinitions()) {
      text.append('\n').append(c.name());
      c.environment()
          .forEach(e -> text.append('\0').append(e.name()).append('=').append(e.value()));
    }
    return sha256(text.toString()).substring(0, 12);
  }

  /** Lower-case hex SHA-256 of the UTF-8 text. */
  public static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
