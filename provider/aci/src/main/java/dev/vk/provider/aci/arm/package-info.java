/**
 * Azure Resource Manager calls on container groups: the azure-core clients, retries, error mapping,
 * rate limiting and the read budget ARM reports, the groups' names and tags, and the health check.
 */
package dev.vk.provider.aci.arm;
