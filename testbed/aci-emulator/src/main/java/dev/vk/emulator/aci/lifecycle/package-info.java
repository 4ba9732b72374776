/**
 * Simulated containers: behaviour parsed from the command, runs computed from the clock, and the
 * instance views and logs derived from them.
 */
package dev.vk.emulator.aci.lifecycle;
