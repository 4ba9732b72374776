/** Simulation of task and container lifecycles, awslogs output included. */
package dev.vk.emulator.ecs.lifecycle;
