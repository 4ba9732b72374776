package dev.vk.emulator.ecs.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vk.emulator.ecs.fault.CallLog;
import dev.vk.emulator.ecs.fault.Faults;
import dev.vk.emulator.ecs.json.Json;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The emulator's own HTTP API under {@code /_emulator/}, for a test driving a standalone process:
 * call accounting, request faults and out-of-band task events. Other requests pass on.
 */
@ChannelHandler.Sharable
public final class AdminHandler extends ChannelInboundHandlerAdapter {
  public static final String PREFIX = "/_emulator/";
  private final Faults faults;
  private final CallLog calls;

  public AdminHandler(Faults faults, CallLog calls) {
    this.faults = faults;
    this.calls = calls;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object message) {
    if (!(message instanceof FullHttpRequest request) || !request.uri().startsWith(PREFIX)) {
      ctx.fireChannelRead(message);
      return;
    }
    try {
      String route = request.method().name() + " " + request.uri().substring(PREFIX.length());
      JsonNode body = body(request);
      respond(ctx, HttpResponseStatus.OK, handle(route, body));
    } catch (IllegalArgumentException | IOException e) {
      respond(ctx, HttpResponseStatus.BAD_REQUEST, Json.object().put("message", e.getMessage()));
    } finally {
      request.release();
    }
  }

  private ObjectNode handle(String route, JsonNode body) {
    switch (route) {
      case "GET health" -> {
        return Json.object().put("status", "ok");
      }
      case "GET calls" -> {
        return calls();
      }
      case "DELETE calls" -> calls.reset();
      case "POST faults" -> addFault(body);
      case "DELETE faults" -> faults.clear();
      case "POST tasks/stop" ->
          faults.stopTask(
              required(body, "task"),
              Json.text(body, "stopCode", "SpotInterruption"),
              Json.text(body, "reason", "Your Spot Task was interrupted."));
      case "POST tasks/exit" ->
          faults.exitContainer(
              required(body, "task"), required(body, "container"), body.path("exitCode").asInt(1));
      default -> throw new IllegalArgumentException("No admin route " + route);
    }
    return Json.object();
  }

  private void addFault(JsonNode body) {
    String operation = Json.text(body, "operation", Faults.ANY);
    int count = body.path("count").asInt(0);
    int percent = body.path("percent").asInt(0);
    switch (required(body, "type")) {
      case "throttle" -> {
        if (count > 0) {
          faults.throttleNext(operation, count);
        } else {
          faults.throttlePercent(operation, percent);
        }
      }
      case "server-error" -> {
        if (count > 0) {
          faults.serverErrorNext(operation, count);
        } else {
          faults.serverErrorPercent(operation, percent);
        }
      }
      case "error" ->
          faults.errorNext(
              operation,
              Math.max(count, 1),
              body.path("status").asInt(400),
              required(body, "errorType"),
              Json.text(body, "message", ""));
      case "latency" ->
          faults.addLatency(operation, Duration.ofMillis(body.path("latencyMs").asLong()));
      default -> throw new IllegalArgumentException("Unknown fault type " + body.get("type"));
    }
  }

  private ObjectNode calls() {
    ObjectNode json = Json.object();
    ObjectNode counts = json.putObject("counts");
    calls.counts().forEach(counts::put);
    ArrayNode timeline = json.putArray("timeline");
    for (CallLog.Call call : calls.timeline()) {
      ObjectNode entry = timeline.addObject();
      entry.put("time", call.time().toString());
      entry.put("service", call.service());
      entry.put("operation", call.operation());
      entry.put("status", call.status());
      if (call.errorType() != null) {
        entry.put("errorType", call.errorType());
      }
      entry.put("durationMs", call.duration().toMillis());
    }
    return json;
  }

  private static String required(JsonNode body, String field) {
    String value = Json.text(body, field);
    if (value == null) {
      throw new IllegalArgumentException("Missing field " + field);
    }
    return value;
  }

  private static JsonNode body(FullHttpRequest request) throws IOException {
    String text = request.content().toString(StandardCharsets.UTF_8);
    return text.isBlank() ? Json.object() : Json.MAPPER.readTree(text);
  }

  private static void respond(
      ChannelHandlerContext ctx, HttpResponseStatus status, ObjectNode body) {
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    FullHttpResponse response =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(bytes));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
    ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
  }
}
