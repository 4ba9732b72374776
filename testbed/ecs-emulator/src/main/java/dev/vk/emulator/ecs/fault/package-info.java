/** Injected faults and the log of answered calls. */
package dev.vk.emulator.ecs.fault;
