package dev.vk.provider.aci.registry;

/**
 * An image name split as a container runtime splits it: {@code [host[:port]/]repository[:tag]
 * [@digest]}. The first part is a host when it has a dot or a port or is {@code localhost};
 * otherwise the image is on Docker Hub ({@code docker.io}, single names under {@code library/}).
 *
 * @param host the registry as written in credentials ({@code docker.io} for Docker Hub)
 * @param repository the repository path
 * @param reference the digest when given, else the tag ({@code latest} by default)
 */
public record ImageRef(String host, String repository, String reference) {

  static final String DOCKER_HUB = "docker.io";

  /**
   * Parses an image as Docker does: no host means Docker Hub ({@code library/} added), no tag or
   * digest means {@code latest}.
   */
  public static ImageRef parse(String image) {
    String rest = image;
    String host = DOCKER_HUB;
    int slash = rest.indexOf('/');
    if (slash > 0) {
      String first = rest.substring(0, slash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        host = first;
        rest = rest.substring(slash + 1);
      }
    }
    String reference = "latest";
    int at = rest.indexOf('@');
    if (at >= 0) {
      reference = rest.substring(at + 1);
      rest = rest.substring(0, at);
    } else {
      int colon = rest.lastIndexOf(':');
      if (colon > rest.lastIndexOf('/')) {
        reference = rest.substring(colon + 1);
        rest = rest.substring(0, colon);
      }
    }
    if (host.equals(DOCKER_HUB) && !rest.contains("/")) {
      rest = "library/" + rest;
    }
    return new ImageRef(host, rest, reference);
  }

  /** Where the registry's HTTP API is: Docker Hub's API host differs from its name. */
  String apiHost() {
    return host.equals(DOCKER_HUB) ? "registry-1.docker.io" : host;
  }

  boolean byDigest() {
    return reference.contains(":");
  }

  @Override
  public String toString() {
    return host + "/" + repository + (byDigest() ? "@" : ":") + reference;
  }
}
