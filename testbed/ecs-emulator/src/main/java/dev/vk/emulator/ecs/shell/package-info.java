/** A tiny asynchronous POSIX shell that drives containers and ECS Exec sessions. */
package dev.vk.emulator.ecs.shell;
