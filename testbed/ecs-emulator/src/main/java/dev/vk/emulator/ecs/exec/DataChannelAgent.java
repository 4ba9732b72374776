package dev.vk.emulator.ecs.exec;

/** The agent end of one data channel, as its WebSocket handler drives it; one thread at a time. */
public interface DataChannelAgent {
  /** Handles the first, text frame: OpenDataChannelInput carrying the token. */
  void open(String openDataChannelInput);

  /** Handles one binary frame from the client. */
  void receive(byte[] frame);

  /** The WebSocket went away. */
  void transportClosed();
}
