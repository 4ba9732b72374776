/**
 * {@code /containerLogs}: the query as the kubelet reads it ({@link
 * dev.vk.kubeletapi.logs.LogQueryParser}), and a chunked response that flushes every line and stops
 * the source when the client leaves ({@link dev.vk.kubeletapi.logs.LogStreamWriter}).
 */
package dev.vk.kubeletapi.logs;
