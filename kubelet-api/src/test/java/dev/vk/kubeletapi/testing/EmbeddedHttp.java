package dev.vk.kubeletapi.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vk.kubeletapi.http.Json;
import dev.vk.kubeletapi.http.RequestDispatcher;
import dev.vk.kubeletapi.http.Router;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;

/** Request and response helpers for handler tests on an {@link EmbeddedChannel}. */
public final class EmbeddedHttp {
  /** Runs "blocking" calls on the test thread, so that EmbeddedChannel stays single-threaded. */
  public static final Executor DIRECT = Runnable::run;

  private EmbeddedHttp() {}

  public static EmbeddedChannel dispatcher(Router router) {
    return new EmbeddedChannel(new RequestDispatcher(router, DIRECT));
  }

  public static FullHttpRequest request(HttpMethod method, String uri) {
    FullHttpRequest request =
        new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri, Unpooled.EMPTY_BUFFER);
    request.headers().set("Host", "node");
    return request;
  }

  public static FullHttpRequest get(String uri) {
    return request(HttpMethod.GET, uri);
  }

  /** Runs pending tasks, then takes the next outbound message as a full response. */
  public static FullHttpResponse response(EmbeddedChannel channel) {
    channel.runPendingTasks();
    Object msg = channel.readOutbound();
    if (!(msg instanceof FullHttpResponse response)) {
      throw new AssertionError("expected a full response, got " + msg);
    }
    return response;
  }

  public static String body(FullHttpResponse response) {
    try {
      return response.content().toString(StandardCharsets.UTF_8);
    } finally {
      response.release();
    }
  }

  public static JsonNode json(FullHttpResponse response) {
    try {
      return Json.MAPPER.readTree(body(response));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
