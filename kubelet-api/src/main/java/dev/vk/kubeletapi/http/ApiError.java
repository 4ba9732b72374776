package dev.vk.kubeletapi.http;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.kubeletapi.spi.KubeletApiException;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A failure as an HTTP client sees it. {@link #of(Throwable)} is the one place where failures are
 * mapped to status codes and Status reasons, and where they are logged: 5xx at error, 4xx (and 501)
 * at debug.
 *
 * @param reason a {@code metav1.StatusReason}
 * @param retryAfterSeconds when positive, sent as {@code Retry-After} and in the Status details
 */
public record ApiError(int code, String reason, String message, int retryAfterSeconds) {
  private static final Logger log = LoggerFactory.getLogger(ApiError.class);

  public ApiError(int code, String reason, String message) {
    this(code, reason, message, 0);
  }

  /** This error with a {@code Retry-After} hint. */
  public ApiError retryAfter(int seconds) {
    return new ApiError(code, reason, message, seconds);
  }

  /** Classifies {@code error}, logs it by severity, and describes it for the client. */
  public static ApiError of(Throwable error) {
    Throwable cause = unwrap(error);
    ApiError apiError;
    if (cause instanceof KubeletApiException e) {
      apiError = forKind(e.kind(), e.getMessage());
    } else if (cause instanceof ProviderException e) {
      apiError = forKind(kindOf(e.kind()), e.getMessage());
    } else if (cause instanceof RejectedExecutionException) {
      // A bounded pool is full: the node is overloaded, not broken; a later try may work.
      apiError =
          new ApiError(
              503, "ServiceUnavailable", "the node is busy: too many requests in progress", 1);
    } else {
      apiError = new ApiError(500, "InternalError", "Internal error occurred: " + cause);
    }
    // 501 is how this node is configured, and 503 an overload that is counted where it happens:
    // neither is worth an error line per request.
    if (apiError.code() >= 500 && apiError.code() != 501 && apiError.code() != 503) {
      log.error("request failed: {}", apiError.message(), cause);
    } else {
      log.debug("request rejected: {} {}", apiError.code(), apiError.message());
    }
    return apiError;
  }

  /** The status and reason for a kind of failure. */
  public static ApiError forKind(KubeletApiException.Kind kind, String message) {
    return switch (kind) {
      case BAD_REQUEST -> new ApiError(400, "BadRequest", message);
      case UNAUTHORIZED -> new ApiError(401, "Unauthorized", message);
      case FORBIDDEN -> new ApiError(403, "Forbidden", message);
      case NOT_FOUND -> new ApiError(404, "NotFound", message);
      case METHOD_NOT_ALLOWED -> new ApiError(405, "MethodNotAllowed", message);
      case INVALID -> new ApiError(422, "Invalid", message);
      case NOT_IMPLEMENTED -> new ApiError(501, "NotImplemented", message);
      case TOO_MANY_REQUESTS -> new ApiError(429, "TooManyRequests", message, 1);
      case UNAVAILABLE -> new ApiError(503, "ServiceUnavailable", message);
      case INTERNAL -> new ApiError(500, "InternalError", message);
    };
  }

  /** What a kubelet API client sees of a provider failure. */
  public static KubeletApiException.Kind kindOf(ProviderException.Kind kind) {
    return switch (kind) {
      case NOT_FOUND -> KubeletApiException.Kind.NOT_FOUND;
      case INVALID_INPUT -> KubeletApiException.Kind.BAD_REQUEST;
      case UNSUPPORTED -> KubeletApiException.Kind.NOT_IMPLEMENTED;
      case THROTTLED, UNAVAILABLE, CONFLICT -> KubeletApiException.Kind.UNAVAILABLE;
      // The node's own credentials: not the kubelet API client's fault, nor its permissions.
      case NOT_PERMITTED, INTERNAL -> KubeletApiException.Kind.INTERNAL;
    };
  }

  public HttpResponseStatus status() {
    return HttpResponseStatus.valueOf(code);
  }

  private static Throwable unwrap(Throwable error) {
    Throwable t = error;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
