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
 * Caches token reviews, valid and invalid alike, like the kubelet's webhook authenticator, in two
 * separate caches: a flood of made-up tokens fills (and, when full, empties) only the cache of
 * invalid ones, and can never evict a valid token. Keys are SHA-256 digests so that tokens never
 * sit in memory longer than a request. Failed reviews are not cached.
 */
public final class CachingTokenReviewer implements TokenReviewer {
  private final TokenReviewer delegate;
  private final Duration ttl;
  private final TtlCache<String, UserInfo> valid;
  private final TtlCache<String, Boolean> invalid;

  public CachingTokenReviewer(TokenReviewer delegate, Duration ttl, LongSupplier nanoClock) {
    this.delegate = delegate;
    this.ttl = ttl;
    this.valid = new TtlCache<>(4096, nanoClock);
    this.invalid = new TtlCache<>(4096, nanoClock);
  }

  @Override
  public Optional<UserInfo> review(String token) throws KubeletApiException {
    String key = sha256(token);
    UserInfo known = valid.get(key);
    if (known != null) {
      return Optional.of(known);
    }
    if (invalid.get(key) != null) {
      return Optional.empty();
    }
    Optional<UserInfo> user = delegate.review(token);
    if (user.isPresent()) {
      valid.put(key, user.get(), ttl);
    } else {
      invalid.put(key, Boolean.TRUE, ttl);
    }
    return user;
  }

  /** The user of a token known to be valid, or empty when unknown or invalid; never blocks. */
  public Optional<UserInfo> cached(String token) {
    return Optional.ofNullable(valid.get(sha256(token)));
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
