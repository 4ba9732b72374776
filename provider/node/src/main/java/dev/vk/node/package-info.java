/**
 * Entry point and wiring of the virtual kubelet node: {@code Main} reads the settings and {@code
 * VirtualKubelet} starts the controllers, the kubelet API and the provider.
 */
package dev.vk.node;
