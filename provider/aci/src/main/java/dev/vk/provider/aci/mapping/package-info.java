/**
 * Pod spec to ACI container group: containers, resources, probes, volumes and projected files,
 * network and DNS, managed identities and registry credentials, which updates ACI can apply in
 * place, and the refusal of what ACI cannot run. Reads Secrets, ConfigMaps and ServiceAccounts from
 * Kubernetes; calls no Azure API.
 */
package dev.vk.provider.aci.mapping;
