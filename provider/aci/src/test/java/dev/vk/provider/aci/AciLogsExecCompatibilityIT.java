package dev.vk.provider.aci;

import dev.vk.emulator.aci.AciEmulator;
import dev.vk.provider.PodLifecycle;
import dev.vk.provider.testkit.AbstractLogsExecCompatibilityTest;
import dev.vk.provider.testkit.EmulatorExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The azure provider passes the logs and exec compatibility suite against the ACI emulator. ACI's
 * exec runs one program on a terminal, without arguments, exit code or later resizes.
 */
class AciLogsExecCompatibilityIT extends AbstractLogsExecCompatibilityTest {

  private static final Duration LOG_POLL = Duration.ofMillis(200);

  @RegisterExtension static final EmulatorExtension<AciEmulator> aci = Emulators.extension();

  @Override
  protected PodLifecycle createProvider() throws Exception {
    return Emulators.provider(aci, "log-poll-interval", LOG_POLL.toMillis() + "ms");
  }

  @Override
  protected ExecTraits execTraits() {
    return new ExecTraits(false, false, false, false);
  }

  @Override
  protected List<String> shell() {
    return List.of("/bin/sh");
  }

  @Override
  protected void awaitLogReadingStopped() {
    awaitSteady(() -> aci.get().calls().count("containers.listLogs"), LOG_POLL.multipliedBy(2));
  }

  @Override
  protected Duration timeout() {
    return Duration.ofSeconds(20);
  }

  @Override
  protected Duration pollInterval() {
    return Duration.ofMillis(200);
  }
}
