package dev.vk.kubeletapi.stream.ws;

import java.util.List;

/**
 * A WebSocket subprotocol of the channel family.
 *
 * @param base64 channel as an ASCII digit and payload in base64 text, instead of binary
 * @param statusJson the error channel carries a Status (v4 and later) instead of plain text
 * @param closeSignal the client may half-close a channel with {@code [255, channel]} (v5)
 */
public record ChannelProtocol(
    String name, boolean base64, boolean statusJson, boolean closeSignal) {
  public static final ChannelProtocol V5 =
      new ChannelProtocol("v5.channel.k8s.io", false, true, true);
  public static final ChannelProtocol V4 =
      new ChannelProtocol("v4.channel.k8s.io", false, true, false);
  public static final ChannelProtocol V4_BASE64 =
      new ChannelProtocol("v4.base64.channel.k8s.io", true, true, false);
  public static final ChannelProtocol V1 =
      new ChannelProtocol("channel.k8s.io", false, false, false);
  public static final ChannelProtocol V1_BASE64 =
      new ChannelProtocol("base64.channel.k8s.io", true, false, false);

  /** Exec and attach, in the server's order of preference (the client's order decides). */
  public static final List<ChannelProtocol> REMOTE_COMMAND =
      List.of(V5, V4, V4_BASE64, V1, V1_BASE64);

  /** Old-style port-forward. */
  public static final List<ChannelProtocol> PORT_FORWARD = List.of(V4, V4_BASE64);

  /**
   * The first protocol the client offers that is supported; {@code whenNoneOffered} when the client
   * offered none (wsstream then speaks binary); null when nothing matches.
   */
  public static ChannelProtocol select(
      List<String> offered, List<ChannelProtocol> supported, ChannelProtocol whenNoneOffered) {
    if (offered.isEmpty()) {
      return whenNoneOffered;
    }
    for (String name : offered) {
      for (ChannelProtocol protocol : supported) {
        if (protocol.name().equals(name)) {
          return protocol;
        }
      }
    }
    return null;
  }
}
