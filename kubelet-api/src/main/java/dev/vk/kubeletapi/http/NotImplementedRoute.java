package dev.vk.kubeletapi.http;

import dev.vk.kubeletapi.spi.KubeletApiException;

/** Stands in for a route whose function was not provided. */
public final class NotImplementedRoute implements RouteHandler {
  private final String ability;

  public NotImplementedRoute(String ability) {
    this.ability = ability;
  }

  @Override
  public void handle(Exchange exchange) {
    exchange.fail(
        new KubeletApiException(
            KubeletApiException.Kind.NOT_IMPLEMENTED, ability + " is not supported by this node"));
  }
}
