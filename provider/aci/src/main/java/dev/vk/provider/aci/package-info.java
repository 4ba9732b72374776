/**
 * Azure Container Instances provider: runs each pod as an ACI container group through ARM. This
 * package wires the sub-packages together ({@link dev.vk.provider.aci.AciProviderFactory}); the
 * work is in {@code config}, {@code arm}, {@code mapping}, {@code registry}, {@code status}, {@code
 * logs}, {@code exec}, {@code portforward} and {@code metrics}.
 */
package dev.vk.provider.aci;
