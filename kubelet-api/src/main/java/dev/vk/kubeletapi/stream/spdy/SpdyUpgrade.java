package dev.vk.kubeletapi.stream.spdy;

import dev.vk.kubeletapi.http.ApiError;
import dev.vk.kubeletapi.http.Exchange;
import dev.vk.kubeletapi.http.HttpPipeline;
import dev.vk.kubeletapi.http.Responses;
import dev.vk.kubeletapi.spi.KubeletApiException;
import dev.vk.kubeletapi.stream.StreamSettings;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.spdy.SpdyFrameCodec;
import io.netty.handler.codec.spdy.SpdyVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Upgrades a request to SPDY/3.1: negotiates {@code X-Stream-Protocol-Version} (first client choice
 * the server supports; none is a 403 listing the accepted versions), answers 101, and swaps the
 * HTTP codec for Netty's SPDY frame codec with our control handler and session on top.
 */
public final class SpdyUpgrade {
  public static final String PROTOCOL_HEADER = "X-Stream-Protocol-Version";
  public static final String ACCEPTED_HEADER = "X-Accepted-Stream-Protocol-Versions";
  static final String SPDY_3_1 = "SPDY/3.1";

  private SpdyUpgrade() {}

  public static boolean requested(HttpHeaders headers) {
    return headers.containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true)
        && SPDY_3_1.equalsIgnoreCase(headers.get(HttpHeaderNames.UPGRADE, ""));
  }

  /**
   * @param session builds the session for the negotiated protocol
   */
  public static void upgrade(
      Exchange exchange,
      List<SpdyProtocol> supported,
      Function<SpdyProtocol, ChannelHandler> session,
      StreamSettings settings)
      throws KubeletApiException {
    List<String> offered = offered(exchange.headers());
    if (offered.isEmpty()) {
      throw KubeletApiException.badRequest(
          "unable to upgrade: " + PROTOCOL_HEADER + " is required");
    }
    SpdyProtocol protocol = select(offered, supported);
    if (protocol == null) {
      FullHttpResponse refusal =
          Responses.error(
              ApiError.forKind(
                  KubeletApiException.Kind.FORBIDDEN,
                  "unable to upgrade: unable to negotiate protocol: client supports "
                      + offered
                      + ", server accepts "
                      + supported.stream().map(SpdyProtocol::name).toList()));
      supported.forEach(p -> refusal.headers().add(ACCEPTED_HEADER, p.name()));
      exchange.respond(refusal);
      return;
    }
    FullHttpResponse switching =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.SWITCHING_PROTOCOLS);
    switching
        .headers()
        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE)
        .set(HttpHeaderNames.UPGRADE, SPDY_3_1)
        .set(PROTOCOL_HEADER, protocol.name());
    // Encoded synchronously by the HTTP codec, which can then leave: later bytes are SPDY frames.
    exchange.ctx().writeAndFlush(switching);
    ChannelPipeline pipeline = exchange.ctx().pipeline();
    pipeline.addAfter(HttpPipeline.CODEC, "spdy", new SpdyFrameCodec(SpdyVersion.SPDY_3_1));
    pipeline.remove(HttpPipeline.CODEC);
    HttpPipeline.leave(pipeline, settings.idleTimeout());
    pipeline.addLast("spdy-control", new SpdyControlHandler());
    pipeline.addLast("spdy-session", session.apply(protocol));
    exchange.upgraded();
  }

  static SpdyProtocol select(List<String> offered, List<SpdyProtocol> supported) {
    for (String name : offered) {
      for (SpdyProtocol protocol : supported) {
        if (protocol.name().equals(name)) {
          return protocol;
        }
      }
    }
    return null;
  }

  private static List<String> offered(HttpHeaders headers) {
    List<String> offered = new ArrayList<>();
    for (String value : headers.getAll(PROTOCOL_HEADER)) {
      for (String name : value.split(",")) {
        if (!name.isBlank()) {
          offered.add(name.trim());
        }
      }
    }
    return offered;
  }
}
