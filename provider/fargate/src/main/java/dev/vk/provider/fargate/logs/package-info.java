/**
 * Container logs from CloudWatch Logs: reading, following and publishing a container's log stream
 * to the kubelet API.
 */
package dev.vk.provider.fargate.logs;
