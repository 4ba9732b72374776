/**
 * CloudWatch Container Insights for the emulated tasks: the per-task and per-container CPU and
 * memory series that GetMetricData reads (namespace {@code ECS/ContainerInsights}, enhanced
 * observability's TaskId-level {@code CpuUtilized}/{@code MemoryUtilized} and ContainerName-level
 * {@code ContainerCpuUtilized}/{@code ContainerMemoryUtilized}).
 */
package dev.vk.emulator.ecs.metrics;
