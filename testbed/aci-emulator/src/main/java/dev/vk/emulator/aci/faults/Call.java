package dev.vk.emulator.aci.faults;

import java.time.Instant;

/**
 * One call the emulator received.
 *
 * @param sequence arrival order, from 1
 * @param receivedAt when the request arrived
 * @param operation operation name, e.g. {@code containerGroups.get}
 * @param method HTTP method
 * @param uri request URI
 * @param status response status, 0 while the call is in flight
 * @param injected whether the response was an injected fault
 * @param retryNotBefore for a 429, the earliest moment its {@code Retry-After} allows a retry
 * @param connectedAt for the first call on a connection, when the connection was opened; else null
 */
public record Call(
    long sequence,
    Instant receivedAt,
    String operation,
    String method,
    String uri,
    int status,
    boolean injected,
    Instant retryNotBefore,
    Instant connectedAt) {

  /**
   * When the client had sent this call at the latest: for the first call on a new connection, when
   * the connection was opened (the client decided to send before connecting and the TLS handshake),
   * else when it was received.
   */
  public Instant sentBy() {
    return connectedAt != null ? connectedAt : receivedAt;
  }
}
