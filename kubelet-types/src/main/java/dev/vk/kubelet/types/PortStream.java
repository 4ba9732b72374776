package dev.vk.kubelet.types;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * One forwarded connection, implemented by the server. {@link #input()} yields what the client
 * sends and ends when the client half-closes; {@link #output()} goes to the client, and closing it
 * ends the connection's data stream. Both block; do not use them on a Netty event loop.
 */
public interface PortStream {

  InputStream input();

  OutputStream output();
}
