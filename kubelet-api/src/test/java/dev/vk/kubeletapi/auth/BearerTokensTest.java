package dev.vk.kubeletapi.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BearerTokensTest {
  @Test
  @DisplayName("the Authorization scheme is case-insensitive; other schemes are ignored")
  void header() {
    HttpHeaders headers =
        new DefaultHttpHeaders().set(HttpHeaderNames.AUTHORIZATION, "bearer   abc");
    assertThat(BearerTokens.take(headers)).contains("abc");
    headers.set(HttpHeaderNames.AUTHORIZATION, "Basic Zm9vOmJhcg==");
    assertThat(BearerTokens.take(headers)).isEmpty();
  }

  @Test
  @DisplayName("an undecodable WebSocket token is ignored but still removed")
  void badWebSocketToken() {
    HttpHeaders headers =
        new DefaultHttpHeaders()
            .set(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL, BearerTokens.WEBSOCKET_PREFIX + "!!!");
    assertThat(BearerTokens.take(headers)).isEmpty();
    assertThat(headers.contains(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL)).isFalse();
  }
}
