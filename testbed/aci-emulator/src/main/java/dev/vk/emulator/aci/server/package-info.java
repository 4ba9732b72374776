/** The Netty server: a bootstrap, a pipeline initializer and one handler per concern. */
package dev.vk.emulator.aci.server;
