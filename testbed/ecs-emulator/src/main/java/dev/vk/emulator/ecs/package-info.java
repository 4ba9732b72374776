/**
 * Amazon ECS (Fargate) and CloudWatch Logs emulator: {@link dev.vk.emulator.ecs.EcsEmulator} starts
 * it.
 */
package dev.vk.emulator.ecs;
