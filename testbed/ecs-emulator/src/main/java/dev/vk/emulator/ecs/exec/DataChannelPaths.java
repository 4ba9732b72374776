package dev.vk.emulator.ecs.exec;

/** Where the data channel WebSocket lives on the emulator. */
public final class DataChannelPaths {
  /** Path prefix; the session id follows, then the query. */
  public static final String PREFIX = "/v1/data-channel/";

  private DataChannelPaths() {}

  /** The session id in a request URI such as {@code /v1/data-channel/ID?role=...}. */
  public static String sessionId(String uri) {
    String rest = uri.startsWith(PREFIX) ? uri.substring(PREFIX.length()) : "";
    int query = rest.indexOf('?');
    return query >= 0 ? rest.substring(0, query) : rest;
  }
}
