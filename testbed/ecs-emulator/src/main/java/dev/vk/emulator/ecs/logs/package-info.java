/** CloudWatch Logs storage and GetLogEvents token semantics. */
package dev.vk.emulator.ecs.logs;
