package dev.vk.kubeletapi.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.concurrent.Callable;

/** A route answering Prometheus text from a function that may block. */
public final class PrometheusRoute implements RouteHandler {
  private final Callable<String> source;

  public PrometheusRoute(Callable<String> source) {
    this.source = source;
  }

  @Override
  public void handle(Exchange exchange) {
    exchange.offload(
        source,
        text ->
            exchange.respond(Responses.text(HttpResponseStatus.OK, Responses.PROMETHEUS, text)));
  }
}
