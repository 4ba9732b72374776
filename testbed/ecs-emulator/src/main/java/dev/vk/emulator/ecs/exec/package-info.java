/** ECS Exec: sessions and the agent side of the Session Manager data channel. */
package dev.vk.emulator.ecs.exec;
