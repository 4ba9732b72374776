/** Clock and timers behind every simulated delay; virtual time for unit tests. */
package dev.vk.emulator.ecs.time;
