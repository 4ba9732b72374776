package dev.vk.kubeletapi.auth;

import dev.vk.kubeletapi.http.ApiError;
import dev.vk.kubeletapi.spi.AccessAttributes;
import dev.vk.kubeletapi.spi.AccessDecision;
import dev.vk.kubeletapi.spi.AccessReviewer;
import dev.vk.kubeletapi.spi.KubeletApiException;
import dev.vk.kubeletapi.spi.TokenReviewer;
import dev.vk.kubeletapi.spi.UserInfo;
import io.netty.handler.codec.http.HttpMethod;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.net.ssl.SSLSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a request may proceed: authenticate (client certificate first, then bearer
 * token), then authorize against {@code nodes/<subresource>}. May block on the reviewers; never
 * call it on an event loop.
 */
public final class AccessControl {
  private static final Logger log = LoggerFactory.getLogger(AccessControl.class);

  private final String nodeName;
  private final TokenReviewer tokens;
  private final AccessReviewer access;

  /**
   * @param tokens the token reviewer, or null to accept client certificates only
   */
  public AccessControl(String nodeName, TokenReviewer tokens, AccessReviewer access) {
    this.nodeName = nodeName;
    this.tokens = tokens;
    this.access = access;
  }

  /** Null when the request may proceed, otherwise the 401, 403, 429 or 500 to answer. */
  public ApiError check(
      SSLSession session, Optional<String> token, HttpMethod method, String path) {
    // Probes send no credentials and "ok" reveals nothing, like the kubelet's own healthz port.
    if (HttpMethod.GET.equals(method) && path.equals("/healthz")) {
      return null;
    }
    Optional<UserInfo> user;
    try {
      user = authenticate(session, token);
    } catch (RateLimitedTokenReviewer.TooManyReviews e) {
      return ApiError.of(e).retryAfter(e.retryAfterSeconds());
    }
    if (user.isEmpty()) {
      return ApiError.forKind(KubeletApiException.Kind.UNAUTHORIZED, "Unauthorized");
    }
    List<AccessAttributes> checks = NodeRequestAttributes.of(nodeName, method, path);
    try {
      for (AccessAttributes attributes : checks) {
        AccessDecision decision = access.review(user.get(), attributes);
        if (decision.allowed()) {
          return null;
        }
      }
    } catch (KubeletApiException | RuntimeException e) {
      return ApiError.of(
          new KubeletApiException(
              KubeletApiException.Kind.INTERNAL,
              "Authorization error (" + describe(user.get(), checks) + "): " + e.getMessage(),
              e));
    }
    return ApiError.forKind(
        KubeletApiException.Kind.FORBIDDEN, "Forbidden (" + describe(user.get(), checks) + ")");
  }

  /**
   * Whether cached answers alone allow the request. Never blocks, so the event loop may ask: a
   * client whose token and permission are known then needs no thread, even when slow reviews of
   * other tokens fill the pool. False means "ask {@link #check}".
   */
  public boolean allowedFromCache(
      SSLSession session, Optional<String> token, HttpMethod method, String path) {
    if (HttpMethod.GET.equals(method) && path.equals("/healthz")) {
      return true;
    }
    if (!(access instanceof CachingAccessReviewer cachedAccess)) {
      return false;
    }
    Optional<UserInfo> user = ClientCertificates.user(session);
    if (user.isEmpty() && token.isPresent() && tokens instanceof CachingTokenReviewer cached) {
      user = cached.cached(token.get());
    }
    if (user.isEmpty()) {
      return false;
    }
    for (AccessAttributes attributes : NodeRequestAttributes.of(nodeName, method, path)) {
      AccessDecision decision = cachedAccess.cached(user.get(), attributes);
      if (decision == null) {
        return false;
      }
      if (decision.allowed()) {
        return true;
      }
    }
    return false;
  }

  private Optional<UserInfo> authenticate(SSLSession session, Optional<String> token)
      throws RateLimitedTokenReviewer.TooManyReviews {
    Optional<UserInfo> fromCertificate = ClientCertificates.user(session);
    if (fromCertificate.isPresent() || token.isEmpty() || tokens == null) {
      return fromCertificate;
    }
    try {
      return tokens.review(token.get());
    } catch (RateLimitedTokenReviewer.TooManyReviews e) {
      throw e;
    } catch (KubeletApiException | RuntimeException e) {
      // As the kubelet: a failed review is an authentication failure (401), logged here.
      log.error("unable to authenticate the request due to an error: {}", e.toString());
      return Optional.empty();
    }
  }

  private static String describe(UserInfo user, List<AccessAttributes> checks) {
    String subresources =
        checks.stream().map(AccessAttributes::subresource).collect(Collectors.joining(" "));
    return "user="
        + user.name()
        + ", verb="
        + checks.get(0).verb()
        + ", resource=nodes, subresource(s)=["
        + subresources
        + "]";
  }
}
