package dev.vk.provider.mock;

import dev.vk.provider.ProviderContext;
import dev.vk.provider.settings.SettingReader;
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

  /** What users write before each name ({@code --mock-start-delay}). */
  static final String PREFIX = "mock-";

  static final String STATE_FILE = "state-file";
  static final String START_DELAY = "start-delay";
  static final Set<String> NAMES = Set.of(STATE_FILE, START_DELAY);

  /**
   * Reads and validates every setting. Idempotent; never blocks.
   *
   * @throws dev.vk.provider.settings.SettingException naming the bad setting
   */
  static MockSettings from(ProviderContext context) {
    SettingReader r = new SettingReader(PREFIX, context.settings());
    return new MockSettings(
        r.optional(STATE_FILE).map(Path::of).orElse(null),
        r.duration(START_DELAY, Duration.ofSeconds(1)));
  }
}
