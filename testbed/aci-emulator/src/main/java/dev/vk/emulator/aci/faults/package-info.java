/** Fault injection, out-of-band events and the call timeline. */
package dev.vk.emulator.aci.faults;
