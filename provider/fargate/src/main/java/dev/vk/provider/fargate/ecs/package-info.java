/**
 * ECS calls: task definition registration and cleanup, task launch with rate limiting, task reads,
 * tags and ECS error mapping.
 */
package dev.vk.provider.fargate.ecs;
