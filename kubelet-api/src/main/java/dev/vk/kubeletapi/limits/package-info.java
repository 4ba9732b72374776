/**
 * What keeps one client from exhausting the kubelet port: {@link
 * dev.vk.kubeletapi.limits.ServerLimits} (the numbers), a cap on open connections ({@link
 * dev.vk.kubeletapi.limits.ConnectionLimiter}), a deadline for reading each request ({@link
 * dev.vk.kubeletapi.limits.RequestReadTimeout}), a cap on pipelined requests ({@link
 * dev.vk.kubeletapi.limits.PipelineLimiter}), bounded thread pools ({@link
 * dev.vk.kubeletapi.limits.BoundedPools}) and a token bucket ({@link
 * dev.vk.kubeletapi.limits.TokenBucket}). Excess work is refused early and cheaply: a closed
 * connection, or a 429/503 with a Status body.
 */
package dev.vk.kubeletapi.limits;
