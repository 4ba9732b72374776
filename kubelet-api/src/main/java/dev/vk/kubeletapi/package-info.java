/**
 * A Netty HTTPS server that speaks the kubelet API for a virtual node. {@link
 * dev.vk.kubeletapi.KubeletApiServer} only bootstraps, {@link
 * dev.vk.kubeletapi.KubeletApiInitializer} only assembles each connection's pipeline, and {@link
 * dev.vk.kubeletapi.KubeletApiConfig} holds the typed, validated settings. What the node does is
 * given as functions ({@link dev.vk.kubeletapi.spi}); the server never sees a provider.
 *
 * <p>Each connection is first admitted under the connection caps ({@code limits}), then starts as
 * HTTP/1.1: TLS, a request read deadline, HTTP codec, idle timer, a cap on pipelined requests,
 * authentication ({@code auth}), then the router ({@code http}). Exec, attach and port-forward
 * upgrade the connection to SPDY/3.1 or WebSocket ({@code stream}); the HTTP handlers then leave
 * the pipeline.
 */
package dev.vk.kubeletapi;
