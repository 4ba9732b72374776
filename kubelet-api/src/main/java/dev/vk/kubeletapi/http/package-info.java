/**
 * The HTTP/1.1 side of the kubelet API: routing ({@link dev.vk.kubeletapi.http.Router}), one
 * request at a time per connection ({@link dev.vk.kubeletapi.http.RequestDispatcher}), the one
 * mapping from failures to status codes and Status bodies ({@link dev.vk.kubeletapi.http.ApiError})
 * and the simple read-only routes. Streaming routes live in {@code logs} and {@code stream}.
 */
package dev.vk.kubeletapi.http;
