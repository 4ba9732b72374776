package dev.vk.emulator.aci;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vk.emulator.aci.arm.Json;
import dev.vk.provider.testkit.TestingClock;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Drives the emulator's real pipeline in an EmbeddedChannel, through a client codec, so tests see
 * exactly the bytes a client would (no sockets, no TLS).
 */
final class PipelineClient {

  static final String API = "?api-version=2023-05-01";

  final TestingClock clock = new TestingClock(Instant.parse("2025-01-01T00:00:00Z"));
  final AciEmulatorOptions options;
  final EmulatorCore core;
  final EmbeddedChannel server;
  private final EmbeddedChannel client =
      new EmbeddedChannel(new HttpClientCodec(), new HttpObjectAggregator(1 << 22));

  PipelineClient(AciEmulatorOptions base) {
    options = base.withClock(clock);
    core = new EmulatorCore(options, () -> "https://emulator.test", null);
    server = new EmbeddedChannel(core.initializer(null));
  }

  /** A response with its body parsed. */
  record Reply(FullHttpResponse http, JsonNode json) {
    int status() {
      return http.status().code();
    }

    String header(String name) {
      return http.headers().get(name);
    }
  }

  String groupPath(String name) {
    return "/subscriptions/"
        + options.subscriptionId()
        + "/resourceGroups/rg/providers/Microsoft.ContainerInstance/containerGroups/"
        + name;
  }

  Reply send(String method, String uri, String body) {
    return send(method, uri, body, "Bearer test-token");
  }

  Reply send(String method, String uri, String body, String authorization) {
    ByteBuf content =
        body == null ? Unpooled.EMPTY_BUFFER : Unpooled.copiedBuffer(body, StandardCharsets.UTF_8);
    FullHttpRequest request =
        new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(method), uri, content);
    request.headers().set(HttpHeaderNames.HOST, "emulator.test");
    request.headers().set(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
    request.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
    if (authorization != null) {
      request.headers().set(HttpHeaderNames.AUTHORIZATION, authorization);
    }
    client.writeOutbound(request);
    for (ByteBuf out; (out = client.readOutbound()) != null; ) {
      server.writeInbound(out);
    }
    return receive();
  }

  /** Moves time (for the simulation) and runs scheduled tasks that became due (latency faults). */
  void advance(java.time.Duration duration) {
    clock.advance(duration);
    server.advanceTimeBy(duration.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
    server.runScheduledPendingTasks();
  }

  /** The next response the server wrote, or null if none yet. */
  Reply receive() {
    for (ByteBuf out; (out = server.readOutbound()) != null; ) {
      client.writeInbound(out);
    }
    FullHttpResponse response = client.readInbound();
    if (response == null) {
      return null;
    }
    try {
      String text = response.content().toString(StandardCharsets.UTF_8);
      JsonNode json = text.startsWith("{") ? Json.MAPPER.readTree(text) : null;
      return new Reply(response, json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    } finally {
      response.release();
    }
  }

  static String group(String cpu, String restartPolicy, String extraContainerProps) {
    return """
        {"location":"westeurope","tags":{"PodName":"web"},"properties":{"osType":"Linux","restartPolicy":"%s",
         "ipAddress":{"type":"Public","ports":[{"port":80}]},
         "containers":[{"name":"app","properties":{"image":"nginx","ports":[{"port":80}],%s
           "environmentVariables":[{"name":"A","value":"1"},{"name":"TOKEN","secureValue":"s3cret"}],
           "resources":{"requests":{"cpu":%s,"memoryInGB":1.5}}}}]}}"""
        .formatted(restartPolicy, extraContainerProps, cpu);
  }
}
