package dev.vk.node.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.kubernetes.client.openapi.ApiClient;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FencedApiTest {
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final AtomicBoolean open = new AtomicBoolean(true);
  private HttpServer server;
  private ApiClient client;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
    client = new ApiClient();
    client.setBasePath("http://127.0.0.1:" + server.getAddress().getPort());
    FencedApi.install(client, open::get);
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private int call(String method) throws Exception {
    RequestBody body =
        method.equals("GET") ? null : RequestBody.create("{}", MediaType.get("application/json"));
    Request request =
        new Request.Builder()
            .url(client.getBasePath() + "/api/v1/namespaces/ns/pods/p")
            .method(method, body)
            .build();
    try (Response r = client.getHttpClient().newCall(request).execute()) {
      return r.code();
    }
  }

  @Test
  @DisplayName("while the gate is open, reads and writes reach the API server")
  void openGate() throws Exception {
    assertThat(call("GET")).isEqualTo(200);
    assertThat(call("PATCH")).isEqualTo(200);
    assertThat(received)
        .containsExactly("GET /api/v1/namespaces/ns/pods/p", "PATCH /api/v1/namespaces/ns/pods/p");
  }

  @Test
  @DisplayName("a closed gate refuses every write before a byte is sent; reads still pass")
  void closedGate() throws Exception {
    open.set(false);
    for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
      assertThatThrownBy(() -> call(method))
          .isInstanceOf(FencedApi.FencedException.class)
          .hasMessageContaining("not the leader");
    }
    assertThat(call("GET")).isEqualTo(200);
    assertThat(received).containsExactly("GET /api/v1/namespaces/ns/pods/p");
  }
}
