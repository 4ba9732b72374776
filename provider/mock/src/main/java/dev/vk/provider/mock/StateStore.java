package dev.vk.provider.mock;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.settings.SettingException;
import java.io.IOException;
import java.nio.file.Path;

/** Where the mock's state lives between processes: a {@link StateFile}, or nowhere. */
final class StateStore {

  private final Path file;

  /**
   * @param file the state file, or null to keep state in memory only
   */
  StateStore(Path file) {
    this.file = file;
  }

  /**
   * The saved state, or an empty one. Blocks on disk I/O.
   *
   * @throws IllegalArgumentException naming the setting when the file cannot be read
   */
  MockState load() {
    if (file == null) {
      return new MockState();
    }
    try {
      return StateFile.read(file).map(MockState::of).orElseGet(MockState::new);
    } catch (IOException | RuntimeException e) {
      throw new SettingException(
          MockSettings.PREFIX + MockSettings.STATE_FILE,
          file.toString(),
          "a mock state file this process can read (" + e + ")");
    }
  }

  /** Replaces the saved state atomically. Blocks on disk I/O; idempotent. */
  void save(MockState state) throws ProviderException {
    if (file == null) {
      return;
    }
    try {
      StateFile.write(file, state.toDocument());
    } catch (IOException e) {
      throw new ProviderException(
          ProviderException.Kind.INTERNAL, "cannot write mock state file " + file + ": " + e, e);
    }
  }
}
