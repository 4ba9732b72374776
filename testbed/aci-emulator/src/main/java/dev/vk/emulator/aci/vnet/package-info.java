/**
 * The emulated VNet: the subnet that private group IPs come from and the opt-in pod network, which
 * makes each running group's IP answer on its ports (a TCP echo) so that traffic to pod IPs can be
 * tested end to end.
 */
package dev.vk.emulator.aci.vnet;
