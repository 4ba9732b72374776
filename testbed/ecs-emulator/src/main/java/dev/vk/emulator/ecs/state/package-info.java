/** ECS resources held in memory: clusters, task definitions, tasks, and Fargate validation. */
package dev.vk.emulator.ecs.state;
