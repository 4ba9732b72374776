/**
 * The ARM operations (container groups, containers, async operations) and ARM's request, response
 * and error shapes.
 */
package dev.vk.emulator.aci.arm;
