package dev.vk.kubeletapi.auth;

import dev.vk.kubeletapi.spi.KubeletApiException;
import dev.vk.kubeletapi.spi.TokenReviewer;
import dev.vk.kubeletapi.spi.UserInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Caches token reviews, valid and invalid alike, like the kubelet's webhook authenticator. Keys are
 * SHA-256 digests so that tokens never sit in memory longer than a request. Failed reviews are not
 * cached.
 */
public final class CachingTokenReviewer implements TokenReviewer {
  private final TokenReviewer delegate;
  private final Duration ttl;
  private final TtlCache<String, Optional<UserInfo>> cache;

  public CachingTokenReviewer(TokenReviewer delegate, Duration ttl, LongSupplier nanoClock) {
    this.delegate = delegate;
    this.ttl = ttl;
    this.cache = new TtlCache<>(4096, nanoClock);
  }

  @Override
  public Optional<UserInfo> review(String token) throws KubeletApiException {
    String key = sha256(token);
    Optional<UserInfo> cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    Optional<UserInfo> user = delegate.review(token);
    cache.put(key, user, ttl);
    return user;
  }

  private static String sha256(String token) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
