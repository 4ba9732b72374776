package dev.vk.provider.aci.arm;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * Reuses each token until {@link #MARGIN} before it expires, one per scope. Needed because
 * azure-identity's MSAL-based credentials report a refresh time of 1970 when Entra ID's answer has
 * no {@code refresh_in} (the usual one-hour token), which makes azure-core's token cache fetch a
 * new token every 30 s; tokens handed out here carry no refresh time, so the pipeline's cache keeps
 * them too. A refresh time the source sets in the future (long-lived managed identity tokens) is
 * honoured. Thread-safe; a miss blocks on the source.
 */
public final class CachedCredential implements TokenCredential {

  /** How long before expiry a token is replaced (azure-core's own refresh offset). */
  static final Duration MARGIN = Duration.ofMinutes(5);

  private record Key(List<String> scopes, String tenant, String claims, boolean cae) {
    static Key of(TokenRequestContext request) {
      return new Key(
          List.copyOf(request.getScopes()),
          request.getTenantId(),
          request.getClaims(),
          request.isCaeEnabled());
    }
  }

  private record Held(AccessToken token, OffsetDateTime replaceAt) {}

  private final TokenCredential source;
  private final Clock clock;
  private final Map<Key, Held> held = new ConcurrentHashMap<>();

  /**
   * @param source the credential that talks to Entra ID
   * @param clock decides when a held token is due for replacement
   */
  public CachedCredential(TokenCredential source, Clock clock) {
    this.source = source;
    this.clock = clock;
  }

  @Override
  public Mono<AccessToken> getToken(TokenRequestContext request) {
    Key key = Key.of(request);
    AccessToken current = valid(key);
    if (current != null) {
      return Mono.just(current);
    }
    return source.getToken(request).map(token -> hold(key, token));
  }

  @Override
  public AccessToken getTokenSync(TokenRequestContext request) {
    Key key = Key.of(request);
    AccessToken current = valid(key);
    if (current != null) {
      return current;
    }
    synchronized (this) { // concurrent misses of one scope fetch once
      current = valid(key);
      return current != null ? current : hold(key, source.getTokenSync(request));
    }
  }

  private AccessToken valid(Key key) {
    Held h = held.get(key);
    return h != null && now().isBefore(h.replaceAt()) ? h.token() : null;
  }

  private AccessToken hold(Key key, AccessToken token) {
    OffsetDateTime now = now();
    OffsetDateTime replaceAt = token.getExpiresAt().minus(MARGIN);
    OffsetDateTime refreshAt = token.getRefreshAt();
    boolean honoured = refreshAt != null && refreshAt.isAfter(now) && refreshAt.isBefore(replaceAt);
    if (honoured) {
      replaceAt = refreshAt;
    }
    AccessToken plain =
        new AccessToken(
            token.getToken(),
            token.getExpiresAt(),
            honoured ? refreshAt : null,
            token.getTokenType());
    held.put(key, new Held(plain, replaceAt));
    return plain;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
