/**
 * Publishing a container's log to the kubelet API: {@link dev.vk.provider.logs.LogPublishers} owns
 * demand, cancellation, completion, the tail and "since" cut-off and the follow loop; a provider
 * supplies only the cloud-specific {@link dev.vk.provider.logs.LogReader}.
 */
package dev.vk.provider.logs;
