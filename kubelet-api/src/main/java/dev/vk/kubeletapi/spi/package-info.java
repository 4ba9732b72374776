/**
 * What the server needs besides the provider abilities: the server-only functions (pod listers,
 * stats summary, node metrics, token and access reviewers), gathered with the abilities from {@code
 * dev.vk.kubelet.types} in {@link dev.vk.kubeletapi.spi.KubeletHandlers}. The server never sees a
 * provider or a cloud SDK. An ability left unset answers 501.
 *
 * <p>Every function may be called concurrently from several threads, never on a Netty event loop,
 * so implementations may block. Failures are reported as {@link
 * dev.vk.kubeletapi.spi.KubeletApiException} or {@link dev.vk.kubelet.types.ProviderException},
 * each with a kind; the server maps kinds to HTTP status codes in one place ({@code ApiError}).
 */
package dev.vk.kubeletapi.spi;
