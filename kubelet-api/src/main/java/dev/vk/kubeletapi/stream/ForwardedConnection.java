package dev.vk.kubeletapi.stream;

import dev.vk.kubelet.types.PortStream;

/** The {@link PortStream} of one forwarded connection. */
public record ForwardedConnection(StdinPipe input, ChannelOutputStream output)
    implements PortStream {

  /** The client went away: input ends, output refuses further writes. */
  public void abort() {
    input.abort();
    output.close();
  }
}
