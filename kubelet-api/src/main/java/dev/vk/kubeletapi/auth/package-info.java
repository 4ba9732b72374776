/**
 * Authentication and authorization as the kubelet does them: an x509 client certificate (verified
 * by TLS against the client CA) or a bearer token reviewed by a {@link
 * dev.vk.kubeletapi.spi.TokenReviewer}; then a {@link dev.vk.kubeletapi.spi.AccessReviewer} asked
 * about {@code nodes/<subresource>} ({@link dev.vk.kubeletapi.auth.NodeRequestAttributes}). Answers
 * are cached: tokens 2 minutes (valid and invalid ones apart, so a flood of made-up tokens cannot
 * evict valid ones), allowed 5 minutes, denied 30 seconds. Reviews of new tokens are rate-limited
 * ({@link dev.vk.kubeletapi.auth.RateLimitedTokenReviewer}); fully cached requests are allowed on
 * the event loop without a thread.
 */
package dev.vk.kubeletapi.auth;
