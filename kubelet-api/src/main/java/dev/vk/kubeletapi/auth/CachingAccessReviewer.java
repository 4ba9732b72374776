package dev.vk.kubeletapi.auth;

import dev.vk.kubeletapi.spi.AccessAttributes;
import dev.vk.kubeletapi.spi.AccessDecision;
import dev.vk.kubeletapi.spi.AccessReviewer;
import dev.vk.kubeletapi.spi.KubeletApiException;
import dev.vk.kubeletapi.spi.UserInfo;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Caches access decisions like the kubelet's webhook authorizer: allowed for long (5 minutes by
 * default), denied briefly (30 seconds) so that a new RBAC grant takes effect soon. Failed reviews
 * are not cached.
 */
public final class CachingAccessReviewer implements AccessReviewer {
  private record Key(UserInfo user, String verb, String name, String subresource) {}

  private final AccessReviewer delegate;
  private final Duration allowedTtl;
  private final Duration deniedTtl;
  private final TtlCache<Key, AccessDecision> cache;

  public CachingAccessReviewer(
      AccessReviewer delegate, Duration allowedTtl, Duration deniedTtl, LongSupplier nanoClock) {
    this.delegate = delegate;
    this.allowedTtl = allowedTtl;
    this.deniedTtl = deniedTtl;
    this.cache = new TtlCache<>(4096, nanoClock);
  }

  /** The cached decision, or null when none is cached; never blocks. */
  public AccessDecision cached(UserInfo user, AccessAttributes attributes) {
    return cache.get(new Key(user, attributes.verb(), attributes.name(), attributes.subresource()));
  }

  @Override
  public AccessDecision review(UserInfo user, AccessAttributes attributes)
      throws KubeletApiException {
    // The path is informational; decisions depend on the SubjectAccessReview fields only.
    Key key = new Key(user, attributes.verb(), attributes.name(), attributes.subresource());
    AccessDecision cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    AccessDecision decision = delegate.review(user, attributes);
    cache.put(key, decision, decision.allowed() ? allowedTtl : deniedTtl);
    return decision;
  }
}
