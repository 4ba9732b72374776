/**
 * The node's Prometheus series: provider calls, work queues, status writes, lease and node status,
 * kubelet API requests and streams, provider rate limiting, and the JVM. Names start with {@code
 * vk.} and are documented in {@code docs/operations.md (Metrics and alerts)}.
 */
package dev.vk.node.metrics;
