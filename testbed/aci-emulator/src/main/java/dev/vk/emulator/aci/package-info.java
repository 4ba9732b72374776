/**
 * A stateful emulator of ARM's Microsoft.ContainerInstance API for tests and demos.
 *
 * <p>{@link dev.vk.emulator.aci.AciEmulator} starts it; {@code faults()} and {@code calls()} steer
 * and observe it. Container state is a pure function of the clock ({@code lifecycle}), so nothing
 * runs in the background and tests can use a fixed clock. Requests flow through {@code server}
 * (Netty: route, faults, auth, operation) into {@code arm}, {@code aad} and {@code admin}.
 */
package dev.vk.emulator.aci;
