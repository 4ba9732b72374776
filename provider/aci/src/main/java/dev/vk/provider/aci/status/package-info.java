/**
 * ACI container group state to Kubernetes pod status: the status tracker's ARM list and refresh
 * rounds within the read budget, the cache of fetched groups, getPods answered from the rounds'
 * lists, phases, container states and conditions, and ACI's events recorded as Kubernetes Events.
 */
package dev.vk.provider.aci.status;
