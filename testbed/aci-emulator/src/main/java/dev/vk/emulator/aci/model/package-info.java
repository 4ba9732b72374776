/** Stored container groups and what the emulator parses from their bodies. */
package dev.vk.emulator.aci.model;
