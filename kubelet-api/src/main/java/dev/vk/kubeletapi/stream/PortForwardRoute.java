package dev.vk.kubeletapi.stream;

import dev.vk.kubelet.types.PodRef;
import dev.vk.kubelet.types.PortForwarding;
import dev.vk.kubeletapi.http.Exchange;
import dev.vk.kubeletapi.http.RouteHandler;
import dev.vk.kubeletapi.spi.KubeletApiException;
import dev.vk.kubeletapi.stream.spdy.SpdyPortForwardSession;
import dev.vk.kubeletapi.stream.spdy.SpdyProtocol;
import dev.vk.kubeletapi.stream.spdy.SpdyUpgrade;
import dev.vk.kubeletapi.stream.ws.ChannelProtocol;
import dev.vk.kubeletapi.stream.ws.WebSocketUpgrade;
import dev.vk.kubeletapi.stream.ws.WsPortForwardSession;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /portForward/{namespace}/{pod}[/{uid}]}: over SPDY the ports arrive in stream headers;
 * over WebSocket (the old style the Java client uses) they come from the required {@code port}
 * query, repeated or comma-separated.
 */
public final class PortForwardRoute implements RouteHandler {
  /** Two channels per port must fit the one-byte channel number. */
  static final int MAX_WEBSOCKET_PORTS = 127;

  private final PortForwarding forwarder;
  private final StreamSettings settings;

  public PortForwardRoute(PortForwarding forwarder, StreamSettings settings) {
    this.forwarder = forwarder;
    this.settings = settings;
  }

  @Override
  public void handle(Exchange exchange) throws KubeletApiException {
    PodRef pod =
        new PodRef(
            exchange.pathParam("namespace"), exchange.pathParam("pod"), exchange.pathParam("uid"));
    if (WebSocketUpgrade.requested(exchange.headers())) {
      List<Integer> ports = ports(exchange.query().getOrDefault("port", List.of()));
      if (ports.size() > settings.maxPortForwardPairs()) {
        throw KubeletApiException.badRequest(
            "too many ports: "
                + ports.size()
                + ", at most "
                + settings.maxPortForwardPairs()
                + " per connection");
      }
      WebSocketUpgrade.upgrade(
          exchange,
          ChannelProtocol.PORT_FORWARD,
          ChannelProtocol.V4,
          protocol -> new WsPortForwardSession(pod, ports, forwarder, settings.blocking()),
          settings);
    } else if (SpdyUpgrade.requested(exchange.headers())) {
      SpdyUpgrade.upgrade(
          exchange,
          List.of(SpdyProtocol.PORT_FORWARD),
          protocol -> new SpdyPortForwardSession(pod, forwarder, settings),
          settings);
    } else {
      throw KubeletApiException.badRequest("unable to upgrade: missing upgrade headers in request");
    }
  }

  static List<Integer> ports(List<String> values) throws KubeletApiException {
    List<Integer> ports = new ArrayList<>();
    for (String value : values) {
      for (String part : value.split(",")) {
        int port;
        try {
          port = Integer.parseInt(part.trim());
        } catch (NumberFormatException e) {
          throw KubeletApiException.badRequest("invalid port: " + part);
        }
        if (port < 1 || port > 65535) {
          throw KubeletApiException.badRequest("port out of range: " + port);
        }
        ports.add(port);
      }
    }
    if (ports.isEmpty()) {
      throw KubeletApiException.badRequest("query parameter \"port\" is required");
    }
    if (ports.size() > MAX_WEBSOCKET_PORTS) {
      throw KubeletApiException.badRequest("too many ports: " + ports.size());
    }
    return ports;
  }
}
