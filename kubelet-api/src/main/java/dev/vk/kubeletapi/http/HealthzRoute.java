package dev.vk.kubeletapi.http;

import io.netty.handler.codec.http.HttpResponseStatus;

/** {@code /healthz}: the server answers, so it is healthy. */
public final class HealthzRoute implements RouteHandler {
  @Override
  public void handle(Exchange exchange) {
    exchange.respond(Responses.text(HttpResponseStatus.OK, Responses.TEXT, "ok"));
  }
}
