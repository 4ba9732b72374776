package dev.vk.emulator.ecs.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vk.emulator.ecs.fault.CallLog;
import dev.vk.emulator.ecs.json.Json;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.time.Duration;

/**
 * Writes awsJson 1.1 responses, successes and errors alike, and records each in the {@link
 * CallLog}. The one place that knows the error shape: {@code __type} (namespace#Type), {@code
 * message}, and the {@code x-amzn-ErrorType} header. CloudWatch calls are answered in Smithy RPC v2
 * CBOR instead, with the {@code x-amzn-query-error} header its awsQuery-compatible errors carry.
 */
public final class AwsResponses {
  static final String CONTENT_TYPE = "application/x-amz-json-1.1";
  private final CallLog calls;

  public AwsResponses(CallLog calls) {
    this.calls = calls;
  }

  public void ok(ChannelHandlerContext ctx, AwsCall call, ObjectNode body) {
    write(ctx, call, HttpResponseStatus.OK, body, null);
  }

  public void error(ChannelHandlerContext ctx, AwsCall call, AwsException error) {
    ObjectNode body = Json.object();
    body.put("__type", call.service().errorNamespace() + "#" + error.type());
    body.put("message", error.getMessage());
    write(ctx, call, HttpResponseStatus.valueOf(error.status()), body, error.type());
  }

  private void write(
      ChannelHandlerContext ctx,
      AwsCall call,
      HttpResponseStatus status,
      ObjectNode body,
      String errorType) {
    boolean cbor = call.service() == AwsService.CLOUDWATCH;
    byte[] bytes;
    try {
      bytes = cbor ? Cbor.write(body) : Json.MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    FullHttpResponse response =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(bytes));
    response
        .headers()
        .set(HttpHeaderNames.CONTENT_TYPE, cbor ? RpcV2CborDecoder.CONTENT_TYPE : CONTENT_TYPE);
    if (cbor) {
      response.headers().set("smithy-protocol", RpcV2CborDecoder.PROTOCOL);
      if (errorType != null) {
        String fault = status.code() >= 500 ? "Receiver" : "Sender";
        response.headers().set("x-amzn-query-error", errorType + ";" + fault);
      }
    }
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
    response.headers().set("x-amzn-RequestId", call.requestId());
    if (errorType != null) {
      response.headers().set("x-amzn-ErrorType", errorType);
    }
    calls.record(
        call.service().name().toLowerCase(java.util.Locale.ROOT),
        call.operation(),
        status.code(),
        errorType,
        Duration.ofNanos(System.nanoTime() - call.startNanos()));
    if (call.keepAlive()) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
      ctx.writeAndFlush(response);
    } else {
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
  }
}
