package dev.vk.node.metrics;

import dev.vk.kubeletapi.spi.KubeletApiListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts kubelet API responses by route, method and status code, and keeps the number of open
 * streams (exec, attach, port-forward, logs) per kind. Cheap and non-blocking, as the server's
 * event loops call it.
 */
public final class KubeletApiMeters implements KubeletApiListener {
  /** Prometheus: {@code vk_kubelet_api_requests_total}. */
  public static final String REQUESTS = "vk.kubelet.api.requests";

  /** Prometheus: {@code vk_kubelet_api_streams_open}. */
  public static final String STREAMS = "vk.kubelet.api.streams.open";

  private static final List<String> STREAM_KINDS =
      List.of("exec", "attach", "portForward", "containerLogs");

  /** Any other method is counted as OTHER, so a client cannot mint series at will. */
  private static final Set<String> METHODS =
      Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

  private final MeterRegistry registry;
  private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();

  public KubeletApiMeters(MeterRegistry registry) {
    this.registry = registry;
    // Present at zero from the start, so an alert or a dashboard never sees a missing series.
    STREAM_KINDS.forEach(this::streams);
  }

  @Override
  public void responded(String route, String method, int status) {
    Counter.builder(REQUESTS)
        .description("Kubelet API responses by route template, method and status code")
        .tags(
            "route",
            route,
            "method",
            METHODS.contains(method) ? method : "OTHER",
            "code",
            Integer.toString(status))
        .register(registry)
        .increment();
  }

  @Override
  public void streamOpened(String route) {
    streams(kind(route)).incrementAndGet();
  }

  @Override
  public void streamClosed(String route) {
    streams(kind(route)).decrementAndGet();
  }

  private AtomicInteger streams(String kind) {
    return open.computeIfAbsent(
        kind,
        k -> {
          AtomicInteger count = new AtomicInteger();
          Gauge.builder(STREAMS, count, AtomicInteger::get)
              .description("Open kubelet API streams: exec, attach, port-forward, logs")
              .tag("stream", k)
              .register(registry);
          return count;
        });
  }

  /** {@code /exec/{namespace}/...} is an {@code exec} stream. */
  static String kind(String route) {
    int start = route.startsWith("/") ? 1 : 0;
    int end = route.indexOf('/', start);
    return route.substring(start, end < 0 ? route.length() : end);
  }
}
