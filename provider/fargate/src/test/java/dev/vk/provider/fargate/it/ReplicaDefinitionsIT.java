package dev.vk.provider.fargate.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.emulator.ecs.EcsEmulator;
import dev.vk.provider.fargate.FargateProvider;
import dev.vk.provider.testkit.EmulatorExtension;
import dev.vk.provider.testkit.Pods;
import io.kubernetes.client.openapi.models.V1Pod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The replicas of one Deployment (same generateName, same spec) share one registered task
 * definition revision: one DescribeTaskDefinition and one RegisterTaskDefinition for all of them.
 */
@Timeout(90)
class ReplicaDefinitionsIT {
  @RegisterExtension final EmulatorExtension<EcsEmulator> emulator = EmulatedFargate.extension();
  private static final int REPLICAS = 5;

  @Test
  void replicasRegisterOneTaskDefinition() throws Exception {
    FargateProvider provider =
        EmulatedFargate.provider(emulator, "vk-replicas", EmulatedFargate.settings(emulator));
    for (int i = 0; i < REPLICAS; i++) {
      V1Pod pod = Pods.pod("ns", "web-7d9f8-" + i, Pods.container("app"));
      pod.getMetadata().generateName("web-7d9f8-");
      provider.createPod(pod);
    }
    EmulatedFargate.awaitReady(provider, REPLICAS);

    assertThat(emulator.get().calls().count("RunTask")).isEqualTo(REPLICAS);
    assertThat(emulator.get().calls().count("RegisterTaskDefinition")).isEqualTo(1);
    assertThat(emulator.get().calls().count("DescribeTaskDefinition")).isEqualTo(1);
  }
}
