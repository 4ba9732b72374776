/**
 * Pod cpu and memory use for {@code /stats/summary} and {@code /metrics/resource}, read from
 * CloudWatch Container Insights with one batched GetMetricData round per refresh, cached for a
 * stated freshness.
 */
package dev.vk.provider.fargate.metrics;
