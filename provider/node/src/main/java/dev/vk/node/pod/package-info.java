/**
 * The pod path between the kube-apiserver and the provider: the informer-fed work queue, the
 * controller and syncer that create, update and delete pods in the cloud, and the writer that
 * reports their status back.
 */
package dev.vk.node.pod;
