package dev.vk.provider.aci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.emulator.aci.AciEmulator;
import dev.vk.provider.testkit.EmulatorExtension;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A group deleted behind the provider's back is reported absent, so the node can react. */
class OutOfBandDeletionIT {

  @RegisterExtension final EmulatorExtension<AciEmulator> aci = Emulators.extension();
  private AciProvider provider;

  @BeforeEach
  void start() throws Exception {
    provider = Emulators.provider(aci);
  }

  @Test
  void groupDeletedOutOfBandIsAbsent() throws Exception {
    V1Pod pod = TestPods.sleeper();
    String ns = pod.getMetadata().getNamespace();
    String name = pod.getMetadata().getName();
    provider.createPod(pod);
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> provider.getPod(ns, name).map(p -> p.getStatus().getPhase()).orElse(""),
            "Running"::equals);

    aci.get().faults().deleteContainerGroup(Emulators.RESOURCE_GROUP, TestPods.group(pod));

    assertThat(provider.getPod(ns, name)).isEmpty();
    assertThat(provider.getPods()).noneMatch(p -> ns.equals(p.getMetadata().getNamespace()));
  }
}
