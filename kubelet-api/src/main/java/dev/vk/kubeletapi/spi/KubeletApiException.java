package dev.vk.kubeletapi.spi;

/**
 * A failure classified by kind, so that the server maps it to an HTTP status in one place instead
 * of parsing messages. Callers usually throw {@link Kind#NOT_FOUND}, {@link Kind#INVALID} or {@link
 * Kind#UNAVAILABLE}; the other kinds are raised by the server itself.
 */
public class KubeletApiException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What went wrong, as far as an HTTP client needs to know. */
  public enum Kind {
    /** The request cannot be decoded (bad query value): 400. */
    BAD_REQUEST,
    /** Authentication failed or was missing: 401. */
    UNAUTHORIZED,
    /** The authenticated user may not do this: 403. */
    FORBIDDEN,
    /** The pod, container or path does not exist: 404. */
    NOT_FOUND,
    /** The path exists but not for this method: 405. */
    METHOD_NOT_ALLOWED,
    /** The request decodes but its options are invalid together: 422. */
    INVALID,
    /** The ability is not offered by this node: 501. */
    NOT_IMPLEMENTED,
    /** The client sends more than the node accepts (a rate or concurrency limit): 429. */
    TOO_MANY_REQUESTS,
    /** A dependency is temporarily unavailable; retrying may succeed: 503. */
    UNAVAILABLE,
    /** Anything else: 500. */
    INTERNAL
  }

  private final Kind kind;

  public KubeletApiException(Kind kind, String message) {
    this(kind, message, null);
  }

  public KubeletApiException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public static KubeletApiException notFound(String message) {
    return new KubeletApiException(Kind.NOT_FOUND, message);
  }

  public static KubeletApiException badRequest(String message) {
    return new KubeletApiException(Kind.BAD_REQUEST, message);
  }

  public static KubeletApiException invalid(String message) {
    return new KubeletApiException(Kind.INVALID, message);
  }

  public Kind kind() {
    return kind;
  }
}
