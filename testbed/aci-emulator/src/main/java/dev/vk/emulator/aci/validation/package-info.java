/** ACI's validation rules and errors for a container group PUT. */
package dev.vk.emulator.aci.validation;
