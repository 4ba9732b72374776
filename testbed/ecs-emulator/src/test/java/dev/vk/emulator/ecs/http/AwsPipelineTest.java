package dev.vk.emulator.ecs.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vk.emulator.ecs.fault.CallLog;
import dev.vk.emulator.ecs.fault.Faults;
import dev.vk.emulator.ecs.json.Json;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AwsPipelineTest {
  private final CallLog calls = new CallLog(Clock.systemUTC());
  private final Faults faults = new Faults(7, null);
  private final OperationRegistry operations =
      new OperationRegistry()
          .add(
              AwsService.ECS,
              "ListClusters",
              request -> Json.object().putArray("clusterArns").addObject())
          .add(
              AwsService.ECS,
              "RegisterTaskDefinition",
              request -> {
                throw AwsException.client("Container list cannot be empty.");
              });
  private final AwsResponses responses = new AwsResponses(calls);
  private final EmbeddedChannel channel =
      new EmbeddedChannel(
          new AwsRequestDecoder(responses),
          new FaultInjectionHandler(faults, responses),
          new OperationDispatcher(operations, responses));

  @AfterEach
  void close() {
    channel.finishAndReleaseAll();
  }

  private FullHttpResponse send(String operation, boolean signed) {
    FullHttpRequest request =
        new DefaultFullHttpRequest(
            HttpVersion.HTTP_1_1,
            HttpMethod.POST,
            "/",
            Unpooled.copiedBuffer("{}", StandardCharsets.UTF_8));
    request.headers().set("Content-Type", "application/x-amz-json-1.1");
    request.headers().set("X-Amz-Target", "AmazonEC2ContainerServiceV20141113." + operation);
    if (signed) {
      request
          .headers()
          .set(
              "Authorization",
              "AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/ecs/aws4_request");
    }
    channel.writeInbound(request);
    return channel.readOutbound();
  }

  private static JsonNode body(FullHttpResponse response) throws Exception {
    try {
      return Json.MAPPER.readTree(response.content().toString(StandardCharsets.UTF_8));
    } finally {
      response.release();
    }
  }

  @Test
  @DisplayName("an unsigned request is refused with 403 MissingAuthenticationTokenException")
  void requiresAuthorization() throws Exception {
    FullHttpResponse response = send("ListClusters", false);

    assertThat(response.status().code()).isEqualTo(403);
    assertThat(body(response).path("__type").asText())
        .endsWith("#MissingAuthenticationTokenException");
  }

  @Test
  @DisplayName("a modeled error carries __type, message and the x-amzn-ErrorType header")
  void errorShape() throws Exception {
    FullHttpResponse response = send("RegisterTaskDefinition", true);

    assertThat(response.status().code()).isEqualTo(400);
    assertThat(response.headers().get("x-amzn-ErrorType")).isEqualTo("ClientException");
    assertThat(response.headers().get("Content-Type")).isEqualTo("application/x-amz-json-1.1");
    JsonNode body = body(response);
    assertThat(body.path("__type").asText()).isEqualTo("com.amazonaws.ecs#ClientException");
    assertThat(body.path("message").asText()).isEqualTo("Container list cannot be empty.");
  }

  @Test
  @DisplayName("throttleNext fails exactly the next N calls, and the call log shows it")
  void throttleNext() throws Exception {
    faults.throttleNext("ListClusters", 2);

    FullHttpResponse first = send("ListClusters", true);
    FullHttpResponse second = send("ListClusters", true);
    FullHttpResponse third = send("ListClusters", true);

    assertThat(body(first).path("__type").asText()).endsWith("#ThrottlingException");
    assertThat(second.status().code()).isEqualTo(400);
    second.release();
    assertThat(third.status().code()).isEqualTo(200);
    third.release();
    assertThat(calls.timeline("ListClusters"))
        .extracting(CallLog.Call::errorType)
        .containsExactly("ThrottlingException", "ThrottlingException", null);
  }

  @Test
  @DisplayName("an operation the emulator lacks is UnknownOperationException")
  void unknownOperation() throws Exception {
    FullHttpResponse response = send("CreateService", true);

    assertThat(body(response).path("__type").asText()).endsWith("#UnknownOperationException");
  }
}
