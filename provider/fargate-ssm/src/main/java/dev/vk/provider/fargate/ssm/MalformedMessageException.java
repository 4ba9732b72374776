package dev.vk.provider.fargate.ssm;

/** A binary frame that is not a valid ClientMessage (too short, bad lengths or digest). */
public final class MalformedMessageException extends Exception {
  private static final long serialVersionUID = 1L;

  public MalformedMessageException(String message) {
    super(message);
  }
}
