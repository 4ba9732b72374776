package dev.vk.kubeletapi.http;

/**
 * One route's behaviour. Runs on the connection's event loop, so it must not block: offload
 * blocking calls with {@link Exchange#offload}. It must end the exchange exactly once (respond,
 * fail, finish a stream or upgrade); a thrown exception fails it.
 */
@FunctionalInterface
public interface RouteHandler {
  void handle(Exchange exchange) throws Exception;
}
