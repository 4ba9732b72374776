/**
 * What the kubelet API server and the providers share: which container or pod a request is about,
 * log options and lines, exec and port-forward streams, resource usage, the optional provider
 * abilities the server calls ({@link dev.vk.kubelet.types.ContainerLogSource}, {@link
 * dev.vk.kubelet.types.ContainerExecutor}, {@link dev.vk.kubelet.types.PortForwarding}, {@link
 * dev.vk.kubelet.types.PodMetricsSource}) and the failure they throw ({@link
 * dev.vk.kubelet.types.ProviderException}). JDK only, so a provider that speaks these types never
 * pulls the server's Netty.
 */
package dev.vk.kubelet.types;
