package dev.vk.kubeletapi.http;

import io.netty.handler.codec.http.FullHttpRequest;

/**
 * A request an earlier handler (authentication) refused. It travels to the {@link
 * RequestDispatcher} so that the error is answered in order with other responses. The dispatcher
 * releases the request.
 */
public record RejectedRequest(FullHttpRequest request, ApiError error) {}
