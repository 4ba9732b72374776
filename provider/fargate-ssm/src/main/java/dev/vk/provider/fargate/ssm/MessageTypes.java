package dev.vk.provider.fargate.ssm;

/** The data channel's message types (32-byte, space-padded field on the wire). */
public final class MessageTypes {
  /** Client to agent: keystrokes, terminal size, handshake response. */
  public static final String INPUT_STREAM_DATA = "input_stream_data";

  /** Agent to client: command output, handshake request and completion, exit code. */
  public static final String OUTPUT_STREAM_DATA = "output_stream_data";

  /** Either way: receipt of one stream data message. */
  public static final String ACKNOWLEDGE = "acknowledge";

  /** Service to client: the session is over; JSON payload with an Output text. */
  public static final String CHANNEL_CLOSED = "channel_closed";

  /** Service to client: the agent side is connected; the client may send. */
  public static final String START_PUBLICATION = "start_publication";

  /** Service to client: the agent side went away; the client should hold its input. */
  public static final String PAUSE_PUBLICATION = "pause_publication";

  private MessageTypes() {}
}
