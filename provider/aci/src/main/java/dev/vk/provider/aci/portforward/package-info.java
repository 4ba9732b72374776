/**
 * {@code kubectl port-forward} to ACI pods: ACI has no port-forward API, so the node splices each
 * connection to the container group's private IP in its VNet subnet.
 */
package dev.vk.provider.aci.portforward;
