package dev.vk.kubeletapi.stream.ws;

import dev.vk.kubeletapi.http.Exchange;
import dev.vk.kubeletapi.http.HttpPipeline;
import dev.vk.kubeletapi.spi.KubeletApiException;
import dev.vk.kubeletapi.stream.StreamSettings;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Upgrades a request to WebSocket with a channel subprotocol, then installs the frame handlers and
 * the session. A client that offers only unknown subprotocols gets a 400, as from wsstream: were
 * the handshake accepted without a subprotocol, client-go could no longer fall back to SPDY.
 */
public final class WebSocketUpgrade {
  static final int MAX_FRAME_PAYLOAD = 1 << 20;
  static final int MAX_MESSAGE = 4 << 20;

  private WebSocketUpgrade() {}

  public static boolean requested(HttpHeaders headers) {
    return headers.containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true)
        && HttpHeaderValues.WEBSOCKET.contentEqualsIgnoreCase(
            headers.get(HttpHeaderNames.UPGRADE, ""));
  }

  /**
   * @param session builds the session for the negotiated protocol
   */
  public static void upgrade(
      Exchange exchange,
      List<ChannelProtocol> supported,
      ChannelProtocol whenNoneOffered,
      Function<ChannelProtocol, ChannelHandler> session,
      StreamSettings settings)
      throws KubeletApiException {
    if (!HttpMethod.GET.equals(exchange.method())) {
      throw KubeletApiException.badRequest("a WebSocket upgrade must use GET");
    }
    List<String> offered = offered(exchange.headers());
    ChannelProtocol protocol = ChannelProtocol.select(offered, supported, whenNoneOffered);
    if (protocol == null) {
      throw KubeletApiException.badRequest(
          "requested protocol(s) are not supported: "
              + offered
              + "; supports "
              + supported.stream().map(ChannelProtocol::name).collect(Collectors.toList()));
    }
    String url =
        "wss://"
            + exchange.headers().get(HttpHeaderNames.HOST, "localhost")
            + exchange.request().uri();
    WebSocketServerHandshaker handshaker =
        new WebSocketServerHandshakerFactory(
                url, offered.isEmpty() ? null : protocol.name(), false, MAX_FRAME_PAYLOAD)
            .newHandshaker(exchange.request());
    if (handshaker == null) {
      throw KubeletApiException.badRequest("unsupported WebSocket version");
    }
    ChannelPipeline pipeline = exchange.ctx().pipeline();
    try {
      handshaker.handshake(exchange.ctx().channel(), exchange.request());
    } catch (WebSocketHandshakeException e) {
      throw KubeletApiException.badRequest("WebSocket handshake failed: " + e.getMessage());
    }
    HttpPipeline.leave(pipeline, settings.idleTimeout());
    pipeline.addLast("ws-aggregator", new WebSocketFrameAggregator(MAX_MESSAGE));
    pipeline.addLast("ws-control", new WebSocketControlHandler());
    pipeline.addLast("ws-channels", new ChannelFrameCodec(protocol.base64()));
    pipeline.addLast("ws-session", session.apply(protocol));
    exchange.upgraded();
  }

  static List<String> offered(HttpHeaders headers) {
    List<String> offered = new ArrayList<>();
    for (String value : headers.getAll(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL)) {
      for (String name : value.split(",")) {
        if (!name.isBlank()) {
          offered.add(name.trim());
        }
      }
    }
    return offered;
  }
}
