/**
 * Exec, attach and port-forward: the routes that upgrade a connection, the query options, and the
 * protocol-neutral parts both upgrades share (blocking stdin and output streams over a channel, the
 * resize decoder, the exit-status encoding). The wire protocols are in {@code stream.spdy} and
 * {@code stream.ws}.
 */
package dev.vk.kubeletapi.stream;
