package dev.vk.provider.aci.registry;

import com.azure.resourcemanager.containerinstance.models.ImageRegistryCredential;
import dev.vk.kubelet.types.ProviderException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers entrypoints: forever for images named by digest (they cannot change), for {@link
 * #TAG_TTL} for tags (a tag may move, as a kubelet's pull would notice). At most {@link #MAX}
 * images; past that it starts over. Failures are not remembered. Thread-safe.
 */
public final class EntrypointCache implements Entrypoints {

  static final Duration TAG_TTL = Duration.ofMinutes(5);
  static final int MAX = 1000;

  private record Entry(List<String> entrypoint, Instant until) {}

  private final Entrypoints source;
  private final Clock clock;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  /** Caches the answers of {@code source}; the clock ages the entries. */
  public EntrypointCache(Entrypoints source, Clock clock) {
    this.source = source;
    this.clock = clock;
  }

  @Override
  public List<String> of(ImageRef image, List<ImageRegistryCredential> credentials)
      throws ProviderException {
    Instant now = clock.instant();
    Entry hit = entries.get(image.toString());
    if (hit != null && now.isBefore(hit.until())) {
      return hit.entrypoint();
    }
    List<String> entrypoint = List.copyOf(source.of(image, credentials));
    if (entries.size() >= MAX) {
      entries.clear();
    }
    entries.put(
        image.toString(),
        new Entry(entrypoint, image.byDigest() ? Instant.MAX : now.plus(TAG_TTL)));
    return entrypoint;
  }
}
