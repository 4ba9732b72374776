package dev.vk.emulator.ecs.http;

/**
 * An AWS error as the SDK sees it: HTTP status, the modeled error type (ends up as {@code __type}
 * and {@code x-amzn-ErrorType}) and the message. Operations throw it; the HTTP layer renders it.
 */
public final class AwsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String type;

  public AwsException(int status, String type, String message) {
    super(message);
    this.status = status;
    this.type = type;
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }

  /** ECS's catch-all for a bad request (HTTP 400). */
  public static AwsException client(String message) {
    return new AwsException(400, "ClientException", message);
  }

  public static AwsException invalidParameter(String message) {
    return new AwsException(400, "InvalidParameterException", message);
  }

  public static AwsException clusterNotFound() {
    return new AwsException(400, "ClusterNotFoundException", "Cluster not found.");
  }

  public static AwsException resourceNotFound(String message) {
    return new AwsException(400, "ResourceNotFoundException", message);
  }

  public static AwsException alreadyExists(String message) {
    return new AwsException(400, "ResourceAlreadyExistsException", message);
  }

  public static AwsException conflict(String message) {
    return new AwsException(400, "ConflictException", message);
  }

  /** What AWS answers when its per-account token bucket is empty. */
  public static AwsException throttling() {
    return new AwsException(400, "ThrottlingException", "Rate exceeded");
  }

  public static AwsException server(String message) {
    return new AwsException(500, "ServerException", message);
  }
}
