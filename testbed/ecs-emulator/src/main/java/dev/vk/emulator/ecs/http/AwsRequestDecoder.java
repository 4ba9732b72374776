package dev.vk.emulator.ecs.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vk.emulator.ecs.json.Json;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpUtil;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns an HTTP request into an {@link AwsCall}: {@code POST /}, a known {@code X-Amz-Target}, the
 * awsJson 1.1 content type, an Authorization header (present; the SigV4 signature is not verified)
 * and a JSON object body. Anything else is answered with the error AWS would give.
 */
@ChannelHandler.Sharable
public final class AwsRequestDecoder extends SimpleChannelInboundHandler<FullHttpRequest> {
  private final AwsResponses responses;

  public AwsRequestDecoder(AwsResponses responses) {
    this.responses = responses;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    long start = System.nanoTime();
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    String target = request.headers().get("X-Amz-Target", "");
    Optional<AwsService> service = AwsService.forTarget(target);
    AwsService errorService = service.orElse(AwsService.ECS);
    String operation = service.map(s -> s.operationOf(target)).orElse(target);
    AwsCall call =
        new AwsCall(
            errorService, operation, Json.object(), UUID.randomUUID().toString(), keepAlive, start);
    if (!HttpMethod.POST.equals(request.method()) || service.isEmpty()) {
      responses.error(ctx, call, new AwsException(400, "UnknownOperationException", null));
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
    String contentType = request.headers().get(HttpHeaderNames.CONTENT_TYPE, "");
    if (!contentType.startsWith(AwsResponses.CONTENT_TYPE)) {
      responses.error(
          ctx,
          call,
          new AwsException(400, "SerializationException", "Expected " + AwsResponses.CONTENT_TYPE));
      return;
    }
    ObjectNode body;
    try {
      body = parse(request.content().toString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      responses.error(ctx, call, new AwsException(400, "SerializationException", e.getMessage()));
      return;
    }
    ctx.fireChannelRead(
        new AwsCall(service.get(), operation, body, call.requestId(), keepAlive, start));
  }

  private static ObjectNode parse(String text) throws IOException {
    if (text.isBlank()) {
      return Json.object();
    }
    JsonNode node = Json.MAPPER.readTree(text);
    if (!(node instanceof ObjectNode object)) {
      throw new IOException("Request body must be a JSON object");
    }
    return object;
  }
}
