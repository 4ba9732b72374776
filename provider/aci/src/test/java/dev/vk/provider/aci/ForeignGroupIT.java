package dev.vk.provider.aci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vk.emulator.aci.AciEmulator;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.testkit.EmulatorExtension;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two nodes share one resource group. A group the other node made under the name a pod of this node
 * would get is never replaced, redeployed or deleted by this node: its pod reports Conflict.
 */
class ForeignGroupIT {

  @RegisterExtension final EmulatorExtension<AciEmulator> aci = Emulators.extension();
  private AciProvider mine;
  private AciProvider other;

  @BeforeEach
  void start() throws Exception {
    mine = Emulators.provider(aci);
    other =
        aci.closeAfter(
            (AciProvider)
                new AciProviderFactory()
                    .create(
                        new dev.vk.provider.ProviderContext(
                            "vk-aci-other",
                            Emulators.NODE_IP,
                            name ->
                                java.util.Optional.ofNullable(Emulators.settings(aci).get(name)))));
  }

  @Test
  void aSameNamedGroupOfAnotherNodeIsNeverTouchedAndThePodReportsConflict() throws Exception {
    V1Pod theirs = TestPods.sleeper();
    String ns = theirs.getMetadata().getNamespace();
    String name = theirs.getMetadata().getName();
    other.createPod(theirs);
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> other.getPod(ns, name).map(p -> p.getStatus().getPhase()).orElse(""),
            "Running"::equals);
    aci.get().calls().reset();

    V1Pod same = TestPods.sleeper();
    same.getMetadata().namespace(ns).name(name).uid(UUID.randomUUID().toString());
    assertThatThrownBy(() -> mine.createPod(same))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ProviderException.Kind.CONFLICT);
              assertThat(e.reason()).contains("Conflict");
            })
        .hasMessageContaining("container group " + TestPods.group(theirs))
        .hasMessageContaining("node vk-aci-other");
    assertThat(mine.getPod(ns, name)).as("not shown as this node's pod").isEmpty();
    mine.deletePod(same);
    mine.deletePod(new V1Pod().metadata(same.getMetadata().uid(null)));
    assertThatThrownBy(() -> mine.updatePod(theirs))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.NOT_FOUND));

    assertThat(aci.get().calls().timeline())
        .as("this node sent no PUT or DELETE for the other node's group")
        .noneMatch(c -> c.method().equals("PUT") || c.method().equals("DELETE"));
    assertThat(other.getPod(ns, name))
        .hasValueSatisfying(
            p -> {
              assertThat(p.getMetadata().getUid()).isEqualTo(theirs.getMetadata().getUid());
              assertThat(p.getStatus().getPhase()).isEqualTo("Running");
            });
  }
}
