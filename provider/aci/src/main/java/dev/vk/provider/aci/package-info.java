/**
 * Azure Container Instances provider: runs each pod as an ACI container group through ARM, maps its
 * spec and status, and serves logs, exec, port-forward and metrics.
 */
package dev.vk.provider.aci;
