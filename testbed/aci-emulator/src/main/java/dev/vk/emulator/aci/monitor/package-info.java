/**
 * Azure Monitor's metrics data plane for container groups: the regional {@code metrics:getBatch}
 * endpoint with ACI's {@code CpuUsage} and {@code MemoryUsage} metrics per container, computed from
 * the emulated container timelines.
 */
package dev.vk.emulator.aci.monitor;
