package dev.vk.kubeletapi.http;

import dev.vk.kubeletapi.spi.JsonBody;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.concurrent.Callable;

/** A read-only route answering JSON from a function that may block ({@code /pods}, stats). */
public final class JsonRoute implements RouteHandler {
  private final Callable<JsonBody> source;

  public JsonRoute(Callable<JsonBody> source) {
    this.source = source;
  }

  @Override
  public void handle(Exchange exchange) {
    exchange.offload(
        () -> Json.bytes(source.call()),
        body -> exchange.respond(Responses.of(HttpResponseStatus.OK, Responses.JSON, body)));
  }
}
