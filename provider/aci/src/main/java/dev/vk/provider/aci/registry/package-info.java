/**
 * Container registries: image references, image entrypoints read through the Docker Registry HTTP
 * API v2 (cached), and ACR pulls with the group's managed identity.
 */
package dev.vk.provider.aci.registry;
