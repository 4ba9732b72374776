package dev.vk.kubeletapi.stream.spdy;

import java.util.List;

/**
 * A remote-command protocol version over SPDY ({@code X-Stream-Protocol-Version}). The server
 * offers v4 down to v1 and not v5, as the CRI streaming server does; client-go then settles on v4.
 *
 * @param hasResize a resize stream exists (v3 and later)
 * @param statusJson the error stream carries a Status (v4) instead of plain text
 */
public record SpdyProtocol(String name, boolean hasResize, boolean statusJson) {
  public static final SpdyProtocol V4 = new SpdyProtocol("v4.channel.k8s.io", true, true);
  public static final SpdyProtocol V3 = new SpdyProtocol("v3.channel.k8s.io", true, false);
  public static final SpdyProtocol V2 = new SpdyProtocol("v2.channel.k8s.io", false, false);
  public static final SpdyProtocol V1 = new SpdyProtocol("channel.k8s.io", false, false);

  public static final List<SpdyProtocol> REMOTE_COMMAND = List.of(V4, V3, V2, V1);

  /** Port-forward has a single version. */
  public static final SpdyProtocol PORT_FORWARD =
      new SpdyProtocol("portforward.k8s.io", false, false);
}
