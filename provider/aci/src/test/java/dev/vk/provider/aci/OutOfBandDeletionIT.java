package dev.vk.provider.aci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.emulator.aci.AciEmulator;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A group deleted behind the provider's back is reported absent, so the node can react. */
class OutOfBandDeletionIT {

  private AciEmulator aci;
  private AciProvider provider;

  @BeforeEach
  void start() throws Exception {
    aci = Emulators.start();
    provider = Emulators.provider(aci);
  }

  @AfterEach
  void stop() {
    provider.close();
    aci.close();
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

    aci.faults().deleteContainerGroup(Emulators.RESOURCE_GROUP, TestPods.group(pod));

    assertThat(provider.getPod(ns, name)).isEmpty();
    assertThat(provider.getPods()).noneMatch(p -> ns.equals(p.getMetadata().getNamespace()));
  }
}
