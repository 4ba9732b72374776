/**
 * The serving certificate and TLS settings: PEM files, or a self-signed certificate made at start
 * for development; TLS 1.2 and 1.3 only; client certificates requested and verified when a client
 * CA is configured.
 */
package dev.vk.kubeletapi.tls;
