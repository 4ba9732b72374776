package dev.vk.emulator.ecs.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vk.emulator.ecs.json.Json;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpUtil;
import java.io.IOException;
import java.util.UUID;

/**
 * Turns a Smithy RPC v2 CBOR request into an {@link AwsCall}: {@code POST
 * /service/<ServiceName>/operation/<Operation>}, the {@code smithy-protocol: rpc-v2-cbor} header,
 * {@code application/cbor} content, an Authorization header (not verified) and a CBOR map body. The
 * CloudWatch SDK speaks it; every other request passes on to the awsJson decoder.
 */
@ChannelHandler.Sharable
public final class RpcV2CborDecoder extends ChannelInboundHandlerAdapter {
  static final String PREFIX = "/service/";
  static final String PROTOCOL = "rpc-v2-cbor";
  static final String CONTENT_TYPE = "application/cbor";
  private final AwsResponses responses;

  public RpcV2CborDecoder(AwsResponses responses) {
    this.responses = responses;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object message) {
    if (!(message instanceof FullHttpRequest request) || !request.uri().startsWith(PREFIX)) {
      ctx.fireChannelRead(message);
      return;
    }
    try {
      decode(ctx, request);
    } finally {
      request.release();
    }
  }

  private void decode(ChannelHandlerContext ctx, FullHttpRequest request) {
    long start = System.nanoTime();
    String[] parts = request.uri().substring(PREFIX.length()).split("/");
    String operation = parts.length == 3 && "operation".equals(parts[1]) ? parts[2] : "";
    AwsCall call =
        new AwsCall(
            AwsService.CLOUDWATCH,
            operation,
            Json.object(),
            UUID.randomUUID().toString(),
            HttpUtil.isKeepAlive(request),
            start);
    if (!HttpMethod.POST.equals(request.method())
        || operation.isEmpty()
        || !AwsService.CLOUDWATCH.serviceName().equals(parts[0])) {
      responses.error(ctx, call, new AwsException(404, "UnknownOperationException", null));
      return;
    }
    if (!request.headers().contains(HttpHeaderNames.AUTHORIZATION)) {
      responses.error(
          ctx,
          call,
          new AwsException(
              403, "MissingAuthenticationTokenException", "Missing Authentication Token"));
      return;
    }
    if (!PROTOCOL.equals(request.headers().get("smithy-protocol"))
        || !request.headers().get(HttpHeaderNames.CONTENT_TYPE, "").startsWith(CONTENT_TYPE)) {
      responses.error(
          ctx,
          call,
          new AwsException(
              400, "SerializationException", "Expected smithy-protocol " + PROTOCOL + " and CBOR"));
      return;
    }
    ObjectNode body;
    try {
      body = parse(ByteBufUtil.getBytes(request.content()));
    } catch (IOException e) {
      responses.error(ctx, call, new AwsException(400, "SerializationException", e.getMessage()));
      return;
    }
    ctx.fireChannelRead(
        new AwsCall(
            AwsService.CLOUDWATCH, operation, body, call.requestId(), call.keepAlive(), start));
  }

  private static ObjectNode parse(byte[] bytes) throws IOException {
    if (bytes.length == 0) {
      return Json.object();
    }
    JsonNode node = Cbor.read(bytes);
    if (!(node instanceof ObjectNode object)) {
      throw new IOException("Request body must be a CBOR map");
    }
    return object;
  }
}
