/**
 * The provider SPI: how the node talks to whatever runs its pods. {@link
 * dev.vk.provider.PodLifecycle} is the one interface every provider implements; each optional
 * ability is its own interface, detected with {@code instanceof}.
 */
package dev.vk.provider;
