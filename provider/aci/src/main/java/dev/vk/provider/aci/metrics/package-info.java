/**
 * Pod CPU and memory use of ACI container groups from Azure Monitor ({@code CpuUsage} in
 * millicores, {@code MemoryUsage} in bytes, per container), read with the regional batch endpoint
 * for up to 50 groups per call and cached, and turned into the cumulative counters the kubelet's
 * resource metrics carry.
 */
package dev.vk.provider.aci.metrics;
