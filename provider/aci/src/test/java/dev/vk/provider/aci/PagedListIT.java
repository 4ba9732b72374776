package dev.vk.provider.aci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.emulator.aci.AciEmulator;
import dev.vk.emulator.aci.faults.FaultRule;
import dev.vk.provider.testkit.EmulatorExtension;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The provider reads ARM's list page by page, keeping only what it needs of each entry: a list that
 * fails part way is read again from its first page, so every pod is listed exactly once; a group
 * this instance deletes while the list is paged is not listed, though an earlier page showed it.
 */
class PagedListIT {

  private static final String LIST = "containerGroups.listByResourceGroup";

  @RegisterExtension final EmulatorExtension<AciEmulator> aci = Emulators.extension(2);

  /** Creates {@code n} sleeper pods at the provider, one group each. */
  private static List<V1Pod> create(AciProvider provider, int n) throws Exception {
    List<V1Pod> pods = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      V1Pod pod = TestPods.sleeper();
      provider.createPod(pod);
      pods.add(pod);
    }
    return pods;
  }

  /** {@code getPods} on another thread, so that the test can act while the list is paged. */
  private static CompletableFuture<List<V1Pod>> listing(AciProvider provider) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return provider.getPods();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  @Test
  void listFailingAtItsSecondPageIsReadAgainAndListsEachPodOnce() throws Exception {
    AciProvider provider = Emulators.provider(aci);
    List<String> created =
        create(provider, 5).stream().map(p -> p.getMetadata().getName()).toList();
    // The first page is held back long enough to make the next page call fail.
    aci.get().faults().inject(FaultRule.latency(LIST, Duration.ofSeconds(1)).forNextCalls(1));
    aci.get().calls().reset();

    CompletableFuture<List<V1Pod>> listed = listing(provider);
    Awaitility.await("the first page asked for").until(() -> aci.get().calls().count(LIST) >= 1);
    aci.get().faults().inject(FaultRule.error(LIST, 503).forNextCalls(1));

    assertThat(listed.get(30, TimeUnit.SECONDS))
        .extracting(p -> p.getMetadata().getName())
        .containsExactlyInAnyOrderElementsOf(created);
    assertThat(aci.get().calls().count(LIST))
        .as("page 1, the failed page 2, then pages 1-3 again")
        .isEqualTo(5);
  }

  @Test
  void groupsDeletedWhileTheListIsPagedAreNotListed() throws Exception {
    AciProvider provider = Emulators.provider(aci);
    List<V1Pod> pods = create(provider, 3);
    // Each page is held back: the groups are deleted after page 1 was read, before page 2 is.
    aci.get().faults().inject(FaultRule.latency(LIST, Duration.ofSeconds(2)).forNextCalls(2));
    aci.get().calls().reset();

    CompletableFuture<List<V1Pod>> listed = listing(provider);
    Awaitility.await("the second page asked for").until(() -> aci.get().calls().count(LIST) >= 2);
    for (V1Pod pod : pods) {
      provider.deletePod(pod);
    }

    assertThat(listed.get(30, TimeUnit.SECONDS)).as("pods listed").isEmpty();
    assertThat(aci.get().calls().count(LIST)).as("one list of two pages").isEqualTo(2);
  }
}
