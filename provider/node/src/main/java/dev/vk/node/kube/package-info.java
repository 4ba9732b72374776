/**
 * kube-apiserver access for the node and the providers: clients and credentials, informer-backed
 * lookups of ConfigMaps, Secrets, Services and service accounts, and API error mapping.
 */
package dev.vk.node.kube;
