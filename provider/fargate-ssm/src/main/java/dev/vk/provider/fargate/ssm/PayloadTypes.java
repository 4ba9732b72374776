package dev.vk.provider.fargate.ssm;

/** The data channel's payload types (the plugin's {@code PayloadType} constants). */
public final class PayloadTypes {
  public static final int OUTPUT = 1;
  public static final int ERROR = 2;

  /** Terminal size, JSON {@code {"cols":N,"rows":N}}. */
  public static final int SIZE = 3;

  public static final int PARAMETER = 4;
  public static final int HANDSHAKE_REQUEST = 5;
  public static final int HANDSHAKE_RESPONSE = 6;
  public static final int HANDSHAKE_COMPLETE = 7;
  public static final int ENC_CHALLENGE_REQUEST = 8;
  public static final int ENC_CHALLENGE_RESPONSE = 9;

  /** A 4-byte big-endian flag: 1 DisconnectToPort, 2 TerminateSession, 3 ConnectToPortError. */
  public static final int FLAG = 10;

  public static final int STDERR = 11;

  /** The command's exit status; the agent sends the text {@code EXIT_CODE: N}. */
  public static final int EXIT_CODE = 12;

  private PayloadTypes() {}
}
