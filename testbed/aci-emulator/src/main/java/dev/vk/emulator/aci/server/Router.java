package dev.vk.emulator.aci.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Finds the route for a request; the first matching template wins. */
public final class Router {

  private final List<Route> routes = new ArrayList<>();

  /** The result of a lookup. */
  public record Match(Route route, Map<String, String> params, boolean pathKnown) {}

  /** Adds routes, in priority order. */
  public Router add(List<Route> more) {
    routes.addAll(more);
    return this;
  }

  /**
   * The matching route, or a match with a null route whose {@code pathKnown} says whether the path
   * exists for another method (405) or not at all (404).
   */
  public Match find(String method, String path) {
    boolean pathKnown = false;
    for (Route route : routes) {
      Map<String, String> params = route.match(path);
      if (params != null) {
        if (route.method().equals(method)) {
          return new Match(route, params, true);
        }
        pathKnown = true;
      }
    }
    return new Match(null, Map.of(), pathKnown);
  }
}
