/**
 * {@code kubectl exec} and {@code attach} through ACI's executeCommand and attach APIs and the
 * WebSockets they return.
 */
package dev.vk.provider.aci.exec;
