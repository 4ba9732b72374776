package dev.vk.provider.mock;

import dev.vk.provider.ProviderContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * The mock provider's settings, read once from {@link ProviderContext#settings()}.
 *
 * @param stateFile where state is persisted, or null to keep it in memory only
 * @param startDelay how long a pod stays Pending before its first container starts
 */
record MockSettings(Path stateFile, Duration startDelay) {

  static final String STATE_FILE = "state-file";
  static final String START_DELAY = "start-delay";
  static final Set<String> NAMES = Set.of(STATE_FILE, START_DELAY);

  /**
   * Reads and validates every setting.
   *
   * @throws IllegalArgumentException with a one-line message naming the bad setting
   */
  static MockSettings from(ProviderContext context) {
    ProviderContext.Settings settings = context.settings();
    Path stateFile = settings.get(STATE_FILE).filter(s -> !s.isBlank()).map(Path::of).orElse(null);
    Duration startDelay;
    try {
      startDelay = settings.get(START_DELAY).map(Durations::parse).orElse(Duration.ofSeconds(1));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("mock setting " + START_DELAY + ": " + e.getMessage(), e);
    }
    return new MockSettings(stateFile, startDelay);
  }
}
