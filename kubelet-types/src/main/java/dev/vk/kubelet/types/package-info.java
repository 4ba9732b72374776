/**
 * Kubelet-facing value types shared by the kubelet API server and the providers: which container or
 * pod a request is about, log options and lines, exec and port-forward streams, and resource usage.
 * JDK only, so a provider that speaks these types never pulls the server's Netty.
 */
package dev.vk.kubelet.types;
