package dev.vk.provider.aci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.emulator.aci.AciEmulator;
import dev.vk.provider.testkit.EmulatorExtension;
import io.kubernetes.client.openapi.models.V1Pod;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With the status notifier running, getPods answers from its last round's list, counted by the
 * emulator: no ARM call, the groups with the statuses the rounds read, a pod created or deleted
 * since shown as it is now; a group deleted out of band leaves the answer with the next round.
 */
class PodListingIT {

  private static final int PODS = 3;
  private static final String GET = "containerGroups.get";
  private static final String LIST = "containerGroups.listByResourceGroup";

  @RegisterExtension final EmulatorExtension<AciEmulator> aci = Emulators.extension();

  private static List<String> names(List<V1Pod> pods) {
    return pods.stream().map(p -> p.getMetadata().getName()).toList();
  }

  @Test
  void getPodsAfterARoundCostsNoCall() throws Exception {
    // One status round lists and reads the groups; the next is an hour away.
    AciProvider provider = Emulators.provider(aci, "status-interval", "1h");
    List<V1Pod> pods = Emulators.readByTheNotifier(provider, aci, PODS);

    List<V1Pod> listed = provider.getPods();
    assertThat(names(listed)).containsExactlyInAnyOrderElementsOf(names(pods));
    assertThat(listed).as("statuses the round read").allMatch(p -> p.getStatus() != null);

    V1Pod added = TestPods.sleeper();
    provider.createPod(added);
    provider.deletePod(pods.get(0));
    assertThat(names(provider.getPods()))
        .containsExactlyInAnyOrder(
            added.getMetadata().getName(),
            pods.get(1).getMetadata().getName(),
            pods.get(2).getMetadata().getName());

    assertThat(aci.get().calls().count(LIST)).as("lists").isZero();
    assertThat(aci.get().calls().count(GET)).as("GETs").isZero();
  }

  @Test
  void groupDeletedOutOfBandLeavesWithTheNextRound() throws Exception {
    AciProvider provider = Emulators.provider(aci);
    V1Pod pod = TestPods.sleeper();
    provider.createPod(pod);
    provider.notifyPods(p -> {});
    Awaitility.await("listed").until(() -> names(provider.getPods()).size() == 1);

    aci.get().faults().deleteContainerGroup(Emulators.RESOURCE_GROUP, TestPods.group(pod));

    Awaitility.await("gone from getPods").until(() -> provider.getPods().isEmpty());
  }
}
