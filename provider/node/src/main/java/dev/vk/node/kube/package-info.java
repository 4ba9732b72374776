/**
 * kube-apiserver access for the node and the providers: clients and credentials, watch caches of
 * Services ({@link dev.vk.node.kube.ServiceCache}) and of each ConfigMap, Secret and ServiceAccount
 * a pod references ({@link dev.vk.node.kube.ReferencedObjects}), and API error mapping.
 */
package dev.vk.node.kube;
