package dev.vk.kubelet.types;

import java.time.Duration;
import java.util.Optional;

/**
 * A provider failure, classified by kind so that callers map it to a pod reason or an HTTP status
 * in one place instead of parsing messages.
 */
public class ProviderException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What went wrong, as far as a caller needs to know. */
  public enum Kind {
    /** The pod or container does not exist at the provider. */
    NOT_FOUND,
    /** The request can never succeed as made (for example a pod the cloud cannot run). */
    INVALID_INPUT,
    /** The provider asked us to slow down; retry after {@link #retryAfter()}. */
    THROTTLED,
    /** Concurrent change; retrying with fresh state may succeed. */
    CONFLICT,
    /** The provider does not offer this ability. */
    UNSUPPORTED,
    /** Transient failure (network, 5xx); retry with backoff. */
    UNAVAILABLE,
    /**
     * The cloud refused the node's credentials or permissions; retrying the same call cannot help
     * until an operator fixes them.
     */
    NOT_PERMITTED,
    /** Anything else. */
    INTERNAL
  }

  /** The pod status and Event reason of a conflict with a cloud resource this node does not own. */
  public static final String CONFLICT_REASON = "Conflict";

  private final Kind kind;
  private final @Nullable Duration retryAfter;
  private final @Nullable String reason;

  public ProviderException(Kind kind, String message) {
    this(kind, message, null, null);
  }

  public ProviderException(Kind kind, String message, @Nullable Throwable cause) {
    this(kind, message, null, cause);
  }

  public ProviderException(
      Kind kind, String message, @Nullable Duration retryAfter, @Nullable Throwable cause) {
    this(kind, null, message, retryAfter, cause);
  }

  private ProviderException(
      Kind kind,
      @Nullable String reason,
      String message,
      @Nullable Duration retryAfter,
      @Nullable Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.reason = reason;
    this.retryAfter = retryAfter;
  }

  public static ProviderException notFound(String message) {
    return new ProviderException(Kind.NOT_FOUND, message);
  }

  public static ProviderException invalid(String message) {
    return new ProviderException(Kind.INVALID_INPUT, message);
  }

  /**
   * A pod the provider refuses on purpose (a policy, not a cloud limit): INVALID_INPUT whose pod
   * status and Event carry {@code reason}.
   */
  public static ProviderException refused(String reason, String message) {
    return new ProviderException(Kind.INVALID_INPUT, reason, message, null, null);
  }

  /**
   * A cloud resource the pod needs exists but belongs to someone else (its tags name another
   * cluster or node): it is left alone, and the pod shows reason {@link #CONFLICT_REASON}. Retried,
   * since the other owner may remove it.
   */
  public static ProviderException conflict(String message) {
    return new ProviderException(Kind.CONFLICT, CONFLICT_REASON, message, null, null);
  }

  /** The reason users see on the pod status and Event, when the provider chose one. */
  public Optional<String> reason() {
    return Optional.ofNullable(reason);
  }

  public Kind kind() {
    return kind;
  }

  /** How long the provider asked us to wait, when it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** Whether the same call may succeed later without any change to the pod. */
  public boolean retriable() {
    return kind == Kind.THROTTLED
        || kind == Kind.CONFLICT
        || kind == Kind.UNAVAILABLE
        || kind == Kind.INTERNAL;
  }
}
