/** The emulator's HTTP control API under /_emulator. */
package dev.vk.emulator.aci.admin;
