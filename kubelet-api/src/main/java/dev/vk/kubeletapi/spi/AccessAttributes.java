package dev.vk.kubeletapi.spi;

import java.util.Objects;

/**
 * What a request does, in SubjectAccessReview terms: {@code verb} on {@code nodes/<subresource>}
 * named {@code name} (the node), API group "" and version v1. {@code path} is informational.
 */
public record AccessAttributes(String verb, String name, String subresource, String path) {
  public static final String RESOURCE = "nodes";
  public static final String API_VERSION = "v1";

  public AccessAttributes {
    Objects.requireNonNull(verb, "verb");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(subresource, "subresource");
    Objects.requireNonNull(path, "path");
  }

  /** Always {@value #RESOURCE}. */
  public String resource() {
    return RESOURCE;
  }
}
