/**
 * What callers implement: small function interfaces, one per kubelet ability, gathered in {@link
 * dev.vk.kubeletapi.spi.KubeletHandlers}. The server never sees a provider or a cloud SDK; the node
 * module adapts its provider to these functions. An ability left unset answers 501.
 *
 * <p>Every function may be called concurrently from several threads, never on a Netty event loop,
 * so implementations may block. Failures are reported as {@link
 * dev.vk.kubeletapi.spi.KubeletApiException} with a kind; the server maps kinds to HTTP status
 * codes in one place.
 */
package dev.vk.kubeletapi.spi;
