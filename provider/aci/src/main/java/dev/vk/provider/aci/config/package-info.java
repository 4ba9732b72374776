/**
 * ACI provider settings (connection, pod defaults, polling, workload, metrics), the TLS trust for
 * ARM, Entra ID and the exec WebSockets, and the node capacity the provider advertises.
 */
package dev.vk.provider.aci.config;
