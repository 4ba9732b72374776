package dev.vk.provider.fargate.it;

import dev.vk.emulator.ecs.EcsEmulator;
import dev.vk.provider.PodLifecycle;
import dev.vk.provider.testkit.AbstractLogsExecCompatibilityTest;
import dev.vk.provider.testkit.EmulatorExtension;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Fargate provider passes the logs and exec compatibility suite against the ECS emulator. ECS
 * Exec always runs the command on a terminal, so stderr arrives in stdout. The emulator's agent
 * reports the exit code (the provider reads it when sent, else completes with 0).
 */
class FargateLogsExecCompatibilityIT extends AbstractLogsExecCompatibilityTest {
  /** The follow interval: the provider's transition-interval of the emulated settings. */
  private static final Duration FOLLOW = Duration.ofMillis(100);

  @RegisterExtension
  static final EmulatorExtension<EcsEmulator> emulator = EmulatedFargate.extension();

  @Override
  protected PodLifecycle createProvider() {
    return EmulatedFargate.provider(emulator, "vk-compat", EmulatedFargate.settings(emulator));
  }

  @Override
  protected ExecTraits execTraits() {
    return new ExecTraits(true, false, true, true);
  }

  @Override
  protected void awaitLogReadingStopped() {
    awaitSteady(() -> emulator.get().calls().count("GetLogEvents"), FOLLOW.multipliedBy(4));
  }

  @Override
  protected Duration timeout() {
    return Duration.ofSeconds(20);
  }
}
