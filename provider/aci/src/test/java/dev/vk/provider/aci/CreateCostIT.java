package dev.vk.provider.aci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.emulator.aci.AciEmulator;
import dev.vk.provider.testkit.EmulatorExtension;
import io.kubernetes.client.openapi.models.V1Pod;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ARM calls of creating pods, counted by the emulator: a pod whose group name the last list did not
 * hold costs one PUT and no GET, asking whether it runs before creating it included (before, every
 * create GOT the name first); a repeated create of the same pod still checks and sends nothing
 * more. Deleting a pod whose group the status notifier has read costs one DELETE and no GET, asking
 * whether it still runs afterwards included.
 */
class CreateCostIT {

  private static final int PODS = 10;
  private static final String GET = "containerGroups.get";
  private static final String PUT = "containerGroups.createOrUpdate";
  private static final String LIST = "containerGroups.listByResourceGroup";
  private static final String DELETE = "containerGroups.delete";

  @RegisterExtension final EmulatorExtension<AciEmulator> aci = Emulators.extension();

  @Test
  void aCreateAfterAListCostsOnePut() throws Exception {
    // One status round lists the resource group, then the next is an hour away.
    AciProvider provider = Emulators.provider(aci, "status-interval", "1h");
    provider.notifyPods(p -> {});
    Awaitility.await("the first status round's list")
        .until(() -> aci.get().calls().count(LIST) >= 1);
    aci.get().calls().reset();

    List<V1Pod> pods = new ArrayList<>();
    for (int i = 0; i < PODS; i++) {
      V1Pod pod = TestPods.sleeper();
      pods.add(pod);
      provider.createPod(pod);
    }

    assertThat(aci.get().calls().count(PUT)).as("PUTs").isEqualTo(PODS);
    assertThat(aci.get().calls().count(GET)).as("GETs").isZero();

    provider.createPod(pods.get(0));
    assertThat(aci.get().calls().count(PUT)).as("PUTs after a repeated create").isEqualTo(PODS);
  }

  @Test
  void aDeleteOfAGroupTheNotifierReadCostsOneDelete() throws Exception {
    // The first status round reads the groups created before it; the next is an hour away.
    AciProvider provider = Emulators.provider(aci, "status-interval", "1h");
    List<V1Pod> pods = Emulators.readByTheNotifier(provider, aci, PODS);

    for (V1Pod pod : pods) {
      provider.deletePod(pod);
      // The node asks whether the pod still runs after it deleted it.
      assertThat(provider.getPod(pod.getMetadata().getNamespace(), pod.getMetadata().getName()))
          .isEmpty();
    }

    assertThat(aci.get().calls().count(DELETE)).as("DELETEs").isEqualTo(PODS);
    assertThat(aci.get().calls().count(GET)).as("GETs").isZero();
    assertThat(provider.getPods()).as("pods the provider still runs").isEmpty();
  }

  @Test
  void aCreateBeforeAnyListChecksTheName() throws Exception {
    AciProvider provider = Emulators.provider(aci);
    V1Pod pod = TestPods.sleeper();

    provider.createPod(pod);
    provider.createPod(pod);

    assertThat(aci.get().calls().count(PUT)).as("PUTs").isEqualTo(1);
    assertThat(aci.get().calls().count(GET)).as("GETs").isEqualTo(2);
  }
}
