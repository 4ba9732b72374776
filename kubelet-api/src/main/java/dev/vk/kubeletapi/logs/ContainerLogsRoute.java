package dev.vk.kubeletapi.logs;

import dev.vk.kubelet.types.ContainerLogSource;
import dev.vk.kubelet.types.ContainerRef;
import dev.vk.kubelet.types.LogOptions;
import dev.vk.kubelet.types.PodRef;
import dev.vk.kubeletapi.http.Exchange;
import dev.vk.kubeletapi.http.Responses;
import dev.vk.kubeletapi.http.RouteHandler;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/** {@code GET /containerLogs/{namespace}/{pod}/{container}}. */
public final class ContainerLogsRoute implements RouteHandler {
  private final ContainerLogSource logs;

  public ContainerLogsRoute(ContainerLogSource logs) {
    this.logs = logs;
  }

  @Override
  public void handle(Exchange exchange) throws Exception {
    ContainerRef container =
        new ContainerRef(
            PodRef.of(exchange.pathParam("namespace"), exchange.pathParam("pod")),
            exchange.pathParam("container"));
    LogOptions options = LogQueryParser.parse(exchange.query());
    exchange.offload(
        () -> logs.logs(container, options),
        publisher -> {
          HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
          head.headers().set(HttpHeaderNames.CONTENT_TYPE, Responses.TEXT);
          exchange.startStream(head);
          long limit = options.limitBytes().orElse(Long.MAX_VALUE);
          publisher.subscribe(new LogStreamWriter(exchange, options.timestamps(), limit));
        });
  }
}
