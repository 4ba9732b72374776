/**
 * {@code /metrics/resource}: renders a {@link dev.vk.kubelet.types.ResourceUsage} sample in the
 * kubelet's Prometheus text, which metrics-server parses.
 */
package dev.vk.kubeletapi.metrics;
