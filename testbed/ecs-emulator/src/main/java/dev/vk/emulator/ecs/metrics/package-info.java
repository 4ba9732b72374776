/**
 * CloudWatch Container Insights for the emulated tasks: the per-task and per-container CPU and
 * memory series that GetMetricData reads (namespace {@code ECS/ContainerInsights}, with enhanced
 * observability's TaskId and ContainerName dimensions).
 */
package dev.vk.emulator.ecs.metrics;
