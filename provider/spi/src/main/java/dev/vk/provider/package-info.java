/**
 * The provider SPI: how the node talks to whatever runs its pods. {@link
 * dev.vk.provider.PodLifecycle} is the one interface every provider implements; each optional
 * ability is its own interface, detected with {@code instanceof}. The abilities the kubelet API
 * calls (logs, exec and attach, port-forward, resource usage) and {@link
 * dev.vk.kubelet.types.ProviderException} live in kubelet-types ({@code dev.vk.kubelet.types}), so
 * the server and the providers share one interface per ability.
 */
package dev.vk.provider;
