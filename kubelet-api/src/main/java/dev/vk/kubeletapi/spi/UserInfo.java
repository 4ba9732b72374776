package dev.vk.kubeletapi.spi;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** An authenticated user, as TokenReview and SubjectAccessReview describe one. */
public record UserInfo(
    String name, String uid, List<String> groups, Map<String, List<String>> extra) {
  public UserInfo {
    Objects.requireNonNull(name, "name");
    uid = uid == null ? "" : uid;
    groups = List.copyOf(groups);
    extra = Map.copyOf(extra);
  }

  public static UserInfo of(String name, List<String> groups) {
    return new UserInfo(name, "", groups, Map.of());
  }
}
