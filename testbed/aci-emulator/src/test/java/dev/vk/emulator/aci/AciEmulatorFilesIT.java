package dev.vk.emulator.aci;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an emulator leaves on disk once closed: a CA it made for itself is gone, key included. */
class AciEmulatorFilesIT {

  @Test
  void aTemporaryCaIsDeletedOnClose() throws Exception {
    Path ca;
    try (AciEmulator emulator = AciEmulator.start(AciEmulatorOptions.defaults())) {
      ca = emulator.caCertificatePath();
      assertThat(ca).exists();
    }

    assertThat(ca.getParent()).doesNotExist();
  }

  @Test
  void aNamedStateDirectoryKeepsItsCaForTheNextStart(@TempDir Path state) throws Exception {
    Path ca;
    try (AciEmulator emulator =
        AciEmulator.start(AciEmulatorOptions.defaults().withStateDir(state))) {
      ca = emulator.caCertificatePath();
    }

    assertThat(ca).exists().hasParent(state);
  }
}
