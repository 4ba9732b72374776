/** The emulated ECS and CloudWatch Logs operations, one class per group of calls. */
package dev.vk.emulator.ecs.api;
