package dev.vk.kubeletapi.http;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Matches request paths against templates such as {@code /exec/{namespace}/{pod}/{container}}. A
 * trailing slash is insignificant ({@code /runningpods} and {@code /runningpods/} are the same), as
 * with the kubelet's strict-slash router.
 */
public final class Router {
  private final List<Route> routes;

  private Router(List<Route> routes) {
    this.routes = List.copyOf(routes);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Every route's template and methods, in registration order: the route table as documented in
   * docs/kubelet-api.md. Idempotent; does not block.
   */
  public Map<String, Set<HttpMethod>> table() {
    Map<String, Set<HttpMethod>> table = new LinkedHashMap<>();
    for (Route route : routes) {
      table.computeIfAbsent(route.pattern(), t -> new LinkedHashSet<>()).addAll(route.methods());
    }
    return table;
  }

  /** The outcome of matching: a handler, an unknown path, or a known path with another method. */
  public sealed interface Resolution {}

  /**
   * @param template the matched path template as registered, for metrics
   */
  public record Found(RouteHandler handler, Map<String, String> params, String template)
      implements Resolution {}

  public record NotFound() implements Resolution {}

  public record MethodNotAllowed(Set<HttpMethod> allowed) implements Resolution {}

  /** Resolves a raw (still percent-encoded) path. */
  public Resolution resolve(HttpMethod method, String rawPath) {
    List<String> segments = segments(rawPath);
    Set<HttpMethod> allowed = new LinkedHashSet<>();
    for (Route route : routes) {
      Map<String, String> params = route.match(segments);
      if (params == null) {
        continue;
      }
      if (route.methods().contains(method)) {
        return new Found(route.handler(), params, route.pattern());
      }
      allowed.addAll(route.methods());
    }
    return allowed.isEmpty() ? new NotFound() : new MethodNotAllowed(allowed);
  }

  private static List<String> segments(String rawPath) {
    String path =
        rawPath.length() > 1 && rawPath.endsWith("/")
            ? rawPath.substring(0, rawPath.length() - 1)
            : rawPath;
    List<String> segments = new ArrayList<>();
    for (String part : path.split("/", -1)) {
      segments.add(QueryStringDecoder.decodeComponent(part));
    }
    // The leading "/" yields an empty first element; a path without it matches nothing.
    return segments.isEmpty() || !segments.get(0).isEmpty()
        ? List.of()
        : segments.subList(1, segments.size());
  }

  /** The template of the route {@code rawPath} matches, whatever the method, if any. */
  public Optional<String> template(String rawPath) {
    List<String> segments = segments(rawPath);
    return routes.stream().filter(r -> r.match(segments) != null).map(Route::pattern).findFirst();
  }

  private record Route(
      String pattern, List<String> template, Set<HttpMethod> methods, RouteHandler handler) {
    Map<String, String> match(List<String> segments) {
      if (segments.size() != template.size()) {
        return null;
      }
      Map<String, String> params = new LinkedHashMap<>();
      for (int i = 0; i < template.size(); i++) {
        String expected = template.get(i);
        String actual = segments.get(i);
        if (expected.startsWith("{")) {
          if (actual.isEmpty()) {
            return null;
          }
          params.put(expected.substring(1, expected.length() - 1), actual);
        } else if (!expected.equals(actual)) {
          return null;
        }
      }
      return params;
    }
  }

  /** Collects routes; the first registered match wins. */
  public static final class Builder {
    private final List<Route> routes = new ArrayList<>();

    private Builder() {}

    public Builder route(String template, RouteHandler handler, HttpMethod... methods) {
      List<String> parts = segments(template);
      if (parts.isEmpty()) {
        throw new IllegalArgumentException("template must start with /: " + template);
      }
      routes.add(new Route(template, parts, Set.of(methods), handler));
      return this;
    }

    public Router build() {
      return new Router(routes);
    }
  }
}
