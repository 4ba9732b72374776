package dev.vk.kubeletapi.auth;

import dev.vk.kubeletapi.spi.AccessAttributes;
import io.netty.handler.codec.http.HttpMethod;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps an HTTP request to the {@code nodes/<subresource>} checks the kubelet makes. Some paths have
 * a fine-grained subresource that is tried before {@code proxy} (the kubelet's
 * KubeletFineGrainedAuthz, on since 1.33); either one allows the request.
 */
public final class NodeRequestAttributes {
  private NodeRequestAttributes() {}

  /** The checks for a request, in the order they are tried. */
  public static List<AccessAttributes> of(String nodeName, HttpMethod method, String path) {
    String verb = verb(method);
    List<AccessAttributes> checks = new ArrayList<>();
    for (String subresource : subresources(path)) {
      checks.add(new AccessAttributes(verb, nodeName, subresource, path));
    }
    return checks;
  }

  static String verb(HttpMethod method) {
    return switch (method.name()) {
      case "GET" -> "get";
      case "POST" -> "create";
      case "PUT" -> "update";
      case "PATCH" -> "patch";
      case "DELETE" -> "delete";
      default -> "";
    };
  }

  static List<String> subresources(String path) {
    if (under(path, "/stats")) {
      return List.of("stats");
    }
    if (under(path, "/metrics")) {
      return List.of("metrics");
    }
    if (under(path, "/logs")) {
      return List.of("log");
    }
    if (under(path, "/checkpoint")) {
      return List.of("checkpoint");
    }
    if (under(path, "/pods") || under(path, "/runningpods")) {
      return List.of("pods", "proxy");
    }
    if (under(path, "/healthz")) {
      return List.of("healthz", "proxy");
    }
    if (under(path, "/configz")) {
      return List.of("configz", "proxy");
    }
    return List.of("proxy");
  }

  private static boolean under(String path, String prefix) {
    return path.equals(prefix) || path.startsWith(prefix + "/");
  }
}
