package dev.vk.emulator.aci.server;

import dev.vk.emulator.aci.arm.ArmResponse;
import dev.vk.emulator.aci.arm.Json;
import dev.vk.emulator.aci.faults.Calls;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * Turns an {@link ArmResponse} into HTTP with ARM's standard headers, and records the outcome of
 * counted calls. The only place responses are written.
 */
public final class ResponseWriter {

  private final Calls calls;
  private final SubscriptionBudget limits;

  /** A writer recording into {@code calls} and charging ARM calls to {@code budget}. */
  public ResponseWriter(Calls calls, SubscriptionBudget budget) {
    this.calls = calls;
    this.limits = budget;
  }

  /** Writes {@code response} to {@code request}; {@code injected} marks a fault's response. */
  public void write(
      ChannelHandlerContext ctx, RoutedRequest routed, ArmResponse response, boolean injected) {
    FullHttpResponse http = toHttp(response);
    var request = routed.request();
    String clientId = request.headers().get("x-ms-client-request-id");
    http.headers().set("x-ms-request-id", UUID.randomUUID().toString());
    http.headers()
        .set(
            "x-ms-correlation-request-id",
            clientId != null ? clientId : UUID.randomUUID().toString());
    if (routed.route() != null && routed.route().kind() == Route.Kind.ARM) {
      Map.Entry<String, String> budget = limits.consume(request.method(), response.status() == 429);
      http.headers().set(budget.getKey(), budget.getValue());
    }
    if (routed.sequence() > 0) {
      String retryAfter = response.headers().get("Retry-After");
      long seconds = retryAfter == null ? 0 : Long.parseLong(retryAfter);
      calls.complete(routed.sequence(), response.status(), injected, seconds);
    }
    boolean keepAlive =
        !HttpHeaderValues.CLOSE.contentEqualsIgnoreCase(
            request.headers().get(HttpHeaderNames.CONNECTION, ""));
    if (!keepAlive) {
      http.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      ctx.writeAndFlush(http).addListener(ChannelFutureListener.CLOSE);
    } else {
      ctx.writeAndFlush(http);
    }
  }

  /** The HTTP form of a response. */
  static FullHttpResponse toHttp(ArmResponse response) {
    ByteBuf content = Unpooled.EMPTY_BUFFER;
    String type = null;
    try {
      if (response.json() != null) {
        content = Unpooled.wrappedBuffer(Json.MAPPER.writeValueAsBytes(response.json()));
        type = "application/json; charset=utf-8";
      } else if (response.text() != null) {
        content = Unpooled.copiedBuffer(response.text(), StandardCharsets.UTF_8);
        type = "text/plain; charset=utf-8";
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("unserializable response", e);
    }
    FullHttpResponse http =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(response.status()), content);
    if (type != null) {
      http.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
    }
    http.headers().set(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
    http.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
    response.headers().forEach(http.headers()::set);
    return http;
  }
}
