package dev.vk.provider.aci.arm;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.management.exception.ManagementException;
import com.microsoft.aad.msal4j.MsalServiceException;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.kubelet.types.ProviderException.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The one place where ARM and SDK failures become {@link ProviderException} kinds. */
final class ArmErrors {

  private static final Pattern STATUS_IN_TEXT = Pattern.compile("status code: (\\d{3})");

  private ArmErrors() {}

  /**
   * Classifies {@code failure} of {@code what} (for example {@code create container group x}). 429
   * is THROTTLED with ARM's Retry-After, 404 NOT_FOUND, 400 INVALID_INPUT with ARM's message, 409
   * CONFLICT except capacity shortages, 408/5xx and network errors UNAVAILABLE. 401 and 403 are
   * NOT_PERMITTED and 413 INVALID_INPUT: the same call fails the same way until someone changes the
   * node's credentials or the pod, so they are not retried.
   */
  static ProviderException classify(String what, Throwable failure) {
    if (failure instanceof ProviderException known) {
      return known;
    }
    MsalServiceException entra = entraFailure(failure);
    if (entra != null) {
      return tokenFailure(what, entra);
    }
    if (failure instanceof ClientAuthenticationException auth) {
      return new ProviderException(
          Kind.NOT_PERMITTED,
          what + ": Azure authentication failed, not retried: " + auth.getMessage(),
          auth);
    }
    if (failure instanceof HttpResponseException http && http.getResponse() != null) {
      int status = http.getResponse().getStatusCode();
      String code = code(http);
      String message = what + ": " + status + " " + code + ": " + armMessage(http);
      return switch (status) {
        case 429 ->
            new ProviderException(
                Kind.THROTTLED,
                message,
                retryAfter(http.getResponse().getHeaderValue(HttpHeaderName.RETRY_AFTER))
                    .orElse(Duration.ofSeconds(1)),
                http);
        case 404 -> new ProviderException(Kind.NOT_FOUND, message, http);
        case 400 -> new ProviderException(Kind.INVALID_INPUT, message, http);
        case 409 ->
            // ACI says 409 "ServiceUnavailable" when the region lacks capacity: a later try works.
            "ServiceUnavailable".equals(code) || "ContainerGroupQuotaReached".equals(code)
                ? new ProviderException(Kind.UNAVAILABLE, message, http)
                : new ProviderException(Kind.CONFLICT, message, http);
        case 401 ->
            new ProviderException(
                Kind.NOT_PERMITTED,
                message + " (ARM rejected the node's credentials; fix the identity, not retried)",
                http);
        case 403 ->
            new ProviderException(
                Kind.NOT_PERMITTED,
                message
                    + " (the node's identity lacks a role on the resource group or subscription;"
                    + " not retried)",
                http);
        case 413 ->
            new ProviderException(
                Kind.INVALID_INPUT,
                message + " (the container group is too large for ARM; not retried)",
                http);
        default ->
            status == 408 || status >= 500
                ? new ProviderException(Kind.UNAVAILABLE, message, http)
                : new ProviderException(Kind.INTERNAL, message, http);
      };
    }
    if (isNetwork(failure)) {
      return new ProviderException(
          Kind.UNAVAILABLE, what + ": network error: " + failure.getMessage(), failure);
    }
    return new ProviderException(Kind.INTERNAL, what + ": " + failure, failure);
  }

  /**
   * The token endpoint's own answer: 5xx, 429 and 408 are Entra ID being briefly unwell (retried
   * like ARM's), anything else is the node's credential being refused.
   */
  private static ProviderException tokenFailure(String what, MsalServiceException entra) {
    Integer status = entra.statusCode();
    if (status == null) {
      // MSAL leaves statusCode unset for answers without an OAuth error body and says it in words.
      Matcher m = STATUS_IN_TEXT.matcher(String.valueOf(entra.getMessage()));
      status = m.find() ? Integer.valueOf(m.group(1)) : null;
    }
    String message =
        what
            + ": the Entra ID token endpoint answered "
            + status
            + ": "
            + String.valueOf(entra.getMessage()).lines().findFirst().orElse("");
    boolean retriable = status != null && (status >= 500 || status == 429 || status == 408);
    return retriable
        ? new ProviderException(Kind.UNAVAILABLE, message, entra)
        : new ProviderException(
            Kind.NOT_PERMITTED, message + " (fix the node's credentials; not retried)", entra);
  }

  // azure-identity passes MSAL's exception up as is, or wrapped in a ClientAuthenticationException.
  private static MsalServiceException entraFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof MsalServiceException m) {
        return m;
      }
    }
    return null;
  }

  /** Parses ARM's Retry-After (delta seconds; HTTP dates are not used by ARM). */
  static Optional<Duration> retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Duration.ofSeconds(Long.parseLong(header.trim())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String code(HttpResponseException http) {
    if (http instanceof ManagementException m && m.getValue() != null) {
      return String.valueOf(m.getValue().getCode());
    }
    return "";
  }

  private static String armMessage(HttpResponseException http) {
    if (http instanceof ManagementException m
        && m.getValue() != null
        && m.getValue().getMessage() != null) {
      return m.getValue().getMessage();
    }
    return String.valueOf(http.getMessage()).lines().findFirst().orElse("");
  }

  private static boolean isNetwork(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof IOException
          || t instanceof UncheckedIOException
          || t instanceof TimeoutException) {
        return true;
      }
    }
    return false;
  }
}
