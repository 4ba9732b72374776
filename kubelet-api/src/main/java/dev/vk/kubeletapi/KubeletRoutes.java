package dev.vk.kubeletapi;

import dev.vk.kubeletapi.http.HealthzRoute;
import dev.vk.kubeletapi.http.JsonRoute;
import dev.vk.kubeletapi.http.NotImplementedRoute;
import dev.vk.kubeletapi.http.PrometheusRoute;
import dev.vk.kubeletapi.http.RouteHandler;
import dev.vk.kubeletapi.http.Router;
import dev.vk.kubeletapi.logs.ContainerLogsRoute;
import dev.vk.kubeletapi.metrics.ResourceMetricsRenderer;
import dev.vk.kubeletapi.spi.KubeletHandlers;
import dev.vk.kubeletapi.stream.PortForwardRoute;
import dev.vk.kubeletapi.stream.RemoteCommandRoute;
import dev.vk.kubeletapi.stream.StreamSettings;
import io.netty.handler.codec.http.HttpMethod;
import java.util.Optional;
import java.util.function.Function;

/** The kubelet's route table, bound to the caller's functions; a missing one answers 501. */
final class KubeletRoutes {
  private static final HttpMethod GET = HttpMethod.GET;
  private static final HttpMethod POST = HttpMethod.POST;

  private KubeletRoutes() {}

  static Router router(KubeletHandlers h, StreamSettings stream) {
    RouteHandler logs = route(h.containerLogs(), ContainerLogsRoute::new, "container logs");
    RouteHandler exec = route(h.exec(), e -> RemoteCommandRoute.exec(e, stream), "exec");
    RouteHandler attach = route(h.exec(), e -> RemoteCommandRoute.attach(e, stream), "attach");
    RouteHandler portForward =
        route(h.portForward(), f -> new PortForwardRoute(f, stream), "port-forward");
    return Router.builder()
        .route("/healthz", new HealthzRoute(), GET)
        .route("/pods", route(h.pods(), p -> new JsonRoute(p::list), "pod listing"), GET)
        .route(
            "/runningpods",
            route(h.runningPods(), p -> new JsonRoute(p::list), "running pods"),
            GET)
        .route(
            "/stats/summary",
            route(h.statsSummary(), s -> new JsonRoute(s::summary), "stats summary"),
            GET,
            POST)
        .route(
            "/metrics",
            route(h.nodeMetrics(), m -> new PrometheusRoute(m::scrape), "node metrics"),
            GET)
        .route(
            "/metrics/resource",
            route(
                h.resourceMetrics(),
                m -> new PrometheusRoute(() -> ResourceMetricsRenderer.scrape(m)),
                "resource metrics"),
            GET)
        .route("/containerLogs/{namespace}/{pod}/{container}", logs, GET)
        .route("/exec/{namespace}/{pod}/{container}", exec, GET, POST)
        .route("/exec/{namespace}/{pod}/{uid}/{container}", exec, GET, POST)
        .route("/attach/{namespace}/{pod}/{container}", attach, GET, POST)
        .route("/attach/{namespace}/{pod}/{uid}/{container}", attach, GET, POST)
        .route("/portForward/{namespace}/{pod}", portForward, GET, POST)
        .route("/portForward/{namespace}/{pod}/{uid}", portForward, GET, POST)
        .build();
  }

  private static <T> RouteHandler route(
      Optional<T> function, Function<T, RouteHandler> route, String ability) {
    return function.<RouteHandler>map(route).orElseGet(() -> new NotImplementedRoute(ability));
  }
}
