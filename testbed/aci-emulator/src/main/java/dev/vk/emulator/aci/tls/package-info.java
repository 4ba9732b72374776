/** The throwaway CA and server certificate the emulator serves HTTPS with. */
package dev.vk.emulator.aci.tls;
