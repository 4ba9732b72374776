/**
 * The Kubernetes channel protocols over WebSocket ({@code wsstream}): each message's first byte
 * names a channel (0 stdin, 1 stdout, 2 stderr, 3 error, 4 resize; port-forward uses a data and an
 * error channel per port). The base64 variants send the channel as an ASCII digit and the payload
 * as base64 text. {@link dev.vk.kubeletapi.stream.ws.WebSocketUpgrade} negotiates; the sessions run
 * exec, attach and port-forward over the channels.
 */
package dev.vk.kubeletapi.stream.ws;
