package dev.vk.kubeletapi.auth;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Finds a bearer token in a request: the {@code Authorization} header, or, for WebSocket clients
 * that cannot set headers, a {@code base64url.bearer.authorization.k8s.io.<token>} subprotocol. The
 * subprotocol is removed so that it never takes part in protocol negotiation.
 */
public final class BearerTokens {
  static final String WEBSOCKET_PREFIX = "base64url.bearer.authorization.k8s.io.";

  private BearerTokens() {}

  /** The token, if any; strips a WebSocket token protocol from {@code headers}. */
  public static Optional<String> take(HttpHeaders headers) {
    Optional<String> fromProtocol = takeFromWebSocketProtocol(headers);
    String authorization = headers.get(HttpHeaderNames.AUTHORIZATION);
    if (authorization != null) {
      String[] parts = authorization.trim().split("\\s+", 2);
      if (parts.length == 2 && parts[0].equalsIgnoreCase("bearer") && !parts[1].isBlank()) {
        return Optional.of(parts[1].trim());
      }
    }
    return fromProtocol;
  }

  private static Optional<String> takeFromWebSocketProtocol(HttpHeaders headers) {
    List<String> values = headers.getAll(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL);
    if (values.isEmpty()) {
      return Optional.empty();
    }
    String token = null;
    List<String> kept = new ArrayList<>();
    for (String value : values) {
      for (String protocol : value.split(",")) {
        String p = protocol.trim();
        if (p.startsWith(WEBSOCKET_PREFIX)) {
          token = decode(p.substring(WEBSOCKET_PREFIX.length()));
        } else if (!p.isEmpty()) {
          kept.add(p);
        }
      }
    }
    if (kept.isEmpty()) {
      headers.remove(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL);
    } else {
      headers.set(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL, String.join(", ", kept));
    }
    return Optional.ofNullable(token);
  }

  private static String decode(String encoded) {
    try {
      String token = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
      return token.isEmpty() ? null : token;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
