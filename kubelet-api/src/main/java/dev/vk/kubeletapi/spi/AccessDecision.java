package dev.vk.kubeletapi.spi;

import java.util.Objects;

/** The answer of an {@link AccessReviewer}; {@code reason} may be empty. */
public record AccessDecision(boolean allowed, String reason) {
  public AccessDecision {
    Objects.requireNonNull(reason, "reason");
  }

  public static AccessDecision allow() {
    return new AccessDecision(true, "");
  }

  public static AccessDecision deny(String reason) {
    return new AccessDecision(false, reason);
  }
}
