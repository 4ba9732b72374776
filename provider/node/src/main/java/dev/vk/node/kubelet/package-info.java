/**
 * The kubelet HTTP API's node side: routes served by kubelet-api backed by the provider (logs,
 * exec, stats, running pods) and the kube-apiserver token and access reviews that authenticate its
 * callers.
 */
package dev.vk.node.kubelet;
