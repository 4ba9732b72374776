/** JSON helpers shared by the operations. */
package dev.vk.emulator.ecs.json;
