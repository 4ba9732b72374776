package dev.vk.kubeletapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vk.kubelet.types.ContainerExecutor;
import dev.vk.kubelet.types.ContainerRef;
import dev.vk.kubelet.types.LogLine;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.kubelet.types.StreamIO;
import dev.vk.kubeletapi.http.Json;
import dev.vk.kubeletapi.spi.AccessDecision;
import dev.vk.kubeletapi.spi.JsonBody;
import dev.vk.kubeletapi.spi.KubeletHandlers;
import dev.vk.kubeletapi.spi.UserInfo;
import dev.vk.kubeletapi.testing.ListPublisher;
import dev.vk.kubeletapi.testing.RawTls.TrustAnything;
import dev.vk.kubeletapi.testing.TestCertificates;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The real server on a loopback port with a self-signed certificate, spoken to over HTTPS. */
@Timeout(30)
class KubeletApiServerIT {
  private static KubeletApiServer server;
  private static HttpClient client;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    KubeletApiConfig config =
        KubeletApiConfig.builder()
            .nodeName("vk-it")
            .bindHost("127.0.0.1")
            .port(0)
            .tokenReviewer(
                token ->
                    switch (token) {
                      case "alice" -> Optional.of(UserInfo.of("alice", List.of()));
                      case "bob" -> Optional.of(UserInfo.of("bob", List.of()));
                      default -> Optional.empty();
                    })
            .accessReviewer(
                (user, attributes) ->
                    user.name().equals("alice")
                        ? AccessDecision.allow()
                        : AccessDecision.deny("no"))
            .build();
    KubeletHandlers handlers =
        KubeletHandlers.builder()
            .containerLogs(
                (container, options) ->
                    new ListPublisher(
                        List.of(
                            LogLine.of(
                                Instant.parse("2026-01-02T03:04:05Z"),
                                container.container() + " started"),
                            LogLine.of(Instant.parse("2026-01-02T03:04:06.5Z"), "ready"))))
            .exec(new UpperCaseExec())
            .build();
    server = KubeletApiServer.start(config, handlers);
    base = "https://127.0.0.1:" + server.address().getPort();
    SSLContext trustAll = SSLContext.getInstance("TLS");
    trustAll.init(null, new TrustManager[] {new TrustAnything()}, null);
    client =
        HttpClient.newBuilder().sslContext(trustAll).version(HttpClient.Version.HTTP_1_1).build();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @DisplayName("/healthz answers ok to a probe that sends no credentials")
  void healthz() throws Exception {
    HttpResponse<String> response = get("/healthz", null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("ok");
  }

  @Test
  @DisplayName("no token is a 401 and a denied user a 403, both with Status bodies")
  void unauthorized() throws Exception {
    HttpResponse<String> anonymous = get("/stats/summary", null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    JsonNode status = Json.MAPPER.readTree(anonymous.body());
    assertThat(status.get("kind").asText()).isEqualTo("Status");
    assertThat(status.get("code").asInt()).isEqualTo(401);
    HttpResponse<String> denied = get("/stats/summary", "bob");
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(denied.body()).contains("user=bob", "subresource(s)=[stats]");
  }

  @Test
  @DisplayName("container logs stream with timestamps over HTTPS")
  void logs() throws Exception {
    HttpResponse<String> response = get("/containerLogs/ns/web/nginx?timestamps=true", "alice");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("transfer-encoding")).contains("chunked");
    assertThat(response.body())
        .isEqualTo(
            "2026-01-02T03:04:05.000000000Z nginx started\n2026-01-02T03:04:06.500000000Z ready\n");
  }

  @Test
  @DisplayName("a plain-HTTP client on the TLS port gets nothing")
  void tlsOnly() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.address().getPort())) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      byte[] answer = socket.getInputStream().readNBytes(4);
      assertThat(new String(answer, StandardCharsets.US_ASCII)).doesNotStartWith("HTTP");
    }
  }

  @Test
  @DisplayName(
      "exec over WebSocket v5: stdin, the close signal, stdout and a NonZeroExitCode status")
  void execOverWebSocket() throws Exception {
    Messages messages = new Messages();
    WebSocket ws =
        client
            .newWebSocketBuilder()
            .header("Authorization", "Bearer alice")
            .subprotocols("v5.channel.k8s.io")
            .buildAsync(
                URI.create(
                    base.replace("https", "wss")
                        + "/exec/ns/web/nginx?command=tr&command=a-z&command=A-Z&input=1&output=1"),
                messages)
            .get(10, TimeUnit.SECONDS);
    assertThat(ws.getSubprotocol()).isEqualTo("v5.channel.k8s.io");
    ws.sendBinary(ByteBuffer.wrap(new byte[] {0, 'h', 'e', 'l', 'l', 'o'}), true)
        .get(10, TimeUnit.SECONDS);
    ws.sendBinary(ByteBuffer.wrap(new byte[] {(byte) 255, 0}), true).get(10, TimeUnit.SECONDS);
    messages.closed.get(20, TimeUnit.SECONDS);
    StringBuilder stdout = new StringBuilder();
    String status = null;
    for (byte[] message : messages.received) {
      String payload = new String(message, 1, message.length - 1, StandardCharsets.UTF_8);
      if (message[0] == 1) {
        stdout.append(payload);
      } else if (message[0] == 3) {
        status = payload;
      }
    }
    assertThat(stdout.toString()).isEqualTo("HELLO");
    assertThat(status).contains("\"reason\":\"NonZeroExitCode\"", "\"message\":\"3\"");
  }

  @Test
  @DisplayName(
      "a client certificate signed by the client CA authenticates: CN is the user, O the groups")
  void clientCertificate(@TempDir Path dir) throws Exception {
    TestCertificates certificates =
        new TestCertificates("CN=kube-apiserver-kubelet-client, O=system:masters");
    List<UserInfo> seen = new CopyOnWriteArrayList<>();
    KubeletApiConfig config =
        KubeletApiConfig.builder()
            .nodeName("vk-x509")
            .bindHost("127.0.0.1")
            .port(0)
            .clientCaFile(certificates.writeCa(dir))
            .accessReviewer(
                (user, attributes) -> {
                  seen.add(user);
                  return AccessDecision.allow();
                })
            .build();
    try (KubeletApiServer x509 =
        KubeletApiServer.start(
            config, KubeletHandlers.builder().pods(() -> JsonBody.raw("{\"items\":[]}")).build())) {
      URI healthz = URI.create("https://127.0.0.1:" + x509.address().getPort() + "/pods");
      HttpClient withCertificate =
          HttpClient.newBuilder()
              .sslContext(certificates.clientContext(new TrustAnything()))
              .version(HttpClient.Version.HTTP_1_1)
              .build();
      HttpResponse<String> ok =
          withCertificate.send(
              HttpRequest.newBuilder(healthz).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(seen)
          .contains(UserInfo.of("kube-apiserver-kubelet-client", List.of("system:masters")));
      HttpResponse<String> anonymous =
          client.send(
              HttpRequest.newBuilder(healthz).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(anonymous.statusCode()).isEqualTo(401);
    }
  }

  /** Collects whole binary messages until the server closes. */
  private static final class Messages implements WebSocket.Listener {
    final List<byte[]> received = new CopyOnWriteArrayList<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
      byte[] bytes = new byte[data.remaining()];
      data.get(bytes);
      partial.writeBytes(bytes);
      if (last) {
        received.add(partial.toByteArray());
        partial.reset();
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
      closed.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      closed.completeExceptionally(error);
    }
  }

  /** Echoes stdin upper-cased and exits with the number of arguments; attach is not offered. */
  private static final class UpperCaseExec implements ContainerExecutor {
    @Override
    public CompletionStage<Integer> exec(
        ContainerRef container, List<String> command, StreamIO io) {
      return CompletableFuture.supplyAsync(
          () -> {
            try (InputStream in = io.stdin().orElseThrow();
                OutputStream out = io.stdout().orElseThrow()) {
              String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
              out.write(text.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
              return command.size();
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
          });
    }

    @Override
    public CompletionStage<Void> attach(ContainerRef container, StreamIO io)
        throws ProviderException {
      throw new ProviderException(ProviderException.Kind.UNSUPPORTED, "attach is not offered");
    }
  }
}
