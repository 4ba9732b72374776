/**
 * SPDY/3.1 as Kubernetes streaming uses it (client-go and the apiserver over moby/spdystream):
 * Netty's frame codec for the wire format, and our own session logic on top. Netty's {@code
 * SpdySessionHandler} is deliberately not used: it enforces SPDY flow control, and since Go's peer
 * never sends WINDOW_UPDATE, output would stall after 64 KiB.
 *
 * <p>{@link dev.vk.kubeletapi.stream.spdy.SpdyControlHandler} handles the connection (pings,
 * GOAWAY, malformed frames); the sessions handle streams: every SYN_STREAM gets a SYN_REPLY or a
 * RST_STREAM, streams are told apart by their {@code streamtype} header.
 */
package dev.vk.kubeletapi.stream.spdy;
