package dev.vk.kubeletapi.stream;

import dev.vk.kubelet.types.ContainerExecutor;
import dev.vk.kubelet.types.ContainerRef;
import dev.vk.kubelet.types.PodRef;
import dev.vk.kubeletapi.http.Exchange;
import dev.vk.kubeletapi.http.RouteHandler;
import dev.vk.kubeletapi.spi.KubeletApiException;
import dev.vk.kubeletapi.stream.spdy.SpdyProtocol;
import dev.vk.kubeletapi.stream.spdy.SpdyRemoteCommandSession;
import dev.vk.kubeletapi.stream.spdy.SpdyUpgrade;
import dev.vk.kubeletapi.stream.ws.ChannelProtocol;
import dev.vk.kubeletapi.stream.ws.WebSocketUpgrade;
import dev.vk.kubeletapi.stream.ws.WsRemoteCommandSession;

/**
 * {@code /exec/...} and {@code /attach/...} (GET and POST, with or without the pod UID): validates
 * the query, then upgrades to WebSocket or SPDY as the client asks. A plain request is a 400.
 */
public final class RemoteCommandRoute implements RouteHandler {
  private final ContainerExecutor executor;
  private final boolean exec;
  private final StreamSettings settings;

  private RemoteCommandRoute(ContainerExecutor executor, boolean exec, StreamSettings settings) {
    this.executor = executor;
    this.exec = exec;
    this.settings = settings;
  }

  public static RemoteCommandRoute exec(ContainerExecutor executor, StreamSettings settings) {
    return new RemoteCommandRoute(executor, true, settings);
  }

  public static RemoteCommandRoute attach(ContainerExecutor executor, StreamSettings settings) {
    return new RemoteCommandRoute(executor, false, settings);
  }

  @Override
  public void handle(Exchange exchange) throws KubeletApiException {
    StreamOptions options = StreamOptions.parse(exchange.query(), exec);
    ContainerRef container =
        new ContainerRef(
            new PodRef(
                exchange.pathParam("namespace"),
                exchange.pathParam("pod"),
                exchange.pathParam("uid")),
            exchange.pathParam("container"));
    RemoteCommand command =
        exec
            ? RemoteCommand.exec(executor, container, options.command())
            : RemoteCommand.attach(executor, container);
    if (WebSocketUpgrade.requested(exchange.headers())) {
      WebSocketUpgrade.upgrade(
          exchange,
          ChannelProtocol.REMOTE_COMMAND,
          ChannelProtocol.V1,
          protocol -> new WsRemoteCommandSession(options, protocol, command, settings.blocking()),
          settings);
    } else if (SpdyUpgrade.requested(exchange.headers())) {
      SpdyUpgrade.upgrade(
          exchange,
          SpdyProtocol.REMOTE_COMMAND,
          protocol -> new SpdyRemoteCommandSession(options, protocol, command, settings),
          settings);
    } else {
      throw KubeletApiException.badRequest("unable to upgrade: missing upgrade headers in request");
    }
  }
}
