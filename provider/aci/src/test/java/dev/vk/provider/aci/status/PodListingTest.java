package dev.vk.provider.aci.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.provider.testkit.TestingClock;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PodListingTest {
  private final TestingClock clock = new TestingClock(Instant.parse("2026-01-01T12:00:00Z"));
  private final GroupCache cache = new GroupCache();
  private final AtomicReference<RoundList> last = new AtomicReference<>();
  private final PodListing listing =
      new PodListing(() -> Optional.ofNullable(last.get()), cache, clock);

  private static V1Pod pod(String name, String uid, String phase) {
    return new V1Pod()
        .metadata(new V1ObjectMeta().namespace("ns").name(name).uid(uid))
        .status(phase == null ? null : new V1PodStatus().phase(phase));
  }

  /** The group fetched now by the status tracker. */
  private void fetched(String name, V1Pod pod) {
    cache.put(name, new GroupCache.Entry(pod, "sig", clock.instant()));
  }

  /** A round's list beginning now. */
  private void listed(RoundList.Entry... entries) {
    last.set(new RoundList(clock.instant(), List.of(entries)));
  }

  private List<String> answer() {
    return listing.fromLastRound().orElseThrow().stream()
        .map(p -> p.getMetadata().getName() + "/" + p.getMetadata().getUid() + "=" + phase(p))
        .toList();
  }

  private static String phase(V1Pod p) {
    return p.getStatus() == null ? "unknown" : p.getStatus().getPhase();
  }

  @Test
  @DisplayName("without a recent round's list the provider lists for itself")
  void noListNoAnswer() {
    assertThat(listing.fromLastRound()).isEmpty();
  }

  @Test
  @DisplayName(
      "a listed group is answered with the cache's latest status, or without one when never read")
  void listedGroupsTakeTheLatestStatus() {
    fetched("a", pod("a", "u1", "Pending"));
    listed(new RoundList.Entry("a", null), new RoundList.Entry("b", pod("b", "u2", null)));
    clock.advance(Duration.ofSeconds(1));
    fetched("a", pod("a", "u1", "Running"));

    assertThat(answer()).containsExactly("a/u1=Running", "b/u2=unknown");
  }

  @Test
  @DisplayName("a group listed unread takes the status of a read after the list, not one before")
  void unreadGroupTakesOnlyALaterRead() {
    fetched("a", pod("a", "u1", "Running")); // read before the list, which shows a change
    listed(new RoundList.Entry("a", pod("a", "u1", null)));
    assertThat(answer()).containsExactly("a/u1=unknown");

    clock.advance(Duration.ofSeconds(1));
    fetched("a", pod("a", "u1", "Failed")); // the round reads it after its list
    assertThat(answer()).containsExactly("a/u1=Failed");
  }

  @Test
  @DisplayName("a group whose read status was dropped since the list (deleted, gone) is left out")
  void droppedGroupIsLeftOut() {
    fetched("a", pod("a", "u1", "Running"));
    listed(new RoundList.Entry("a", null));
    cache.remove("a");

    assertThat(answer()).isEmpty();
  }

  @Test
  @DisplayName(
      "a group created after the list began is answered; one created before it is not added")
  void createdSinceTheListAreAdded() {
    listing.created("early", pod("early", "u0", null));
    clock.advance(Duration.ofSeconds(1));
    listed();
    listing.created("late", pod("late", "u1", null));

    assertThat(answer()).containsExactly("late/u1=unknown");

    listing.deleted("late");
    assertThat(answer()).isEmpty();
  }

  @Test
  @DisplayName(
      "a create since the list replaces an earlier pod's group of its name, not the same pod's")
  void createdReplacesAnEarlierPodOnly() {
    fetched("a", pod("a", "old", "Running"));
    fetched("b", pod("b", "u2", "Running"));
    listed(new RoundList.Entry("a", null), new RoundList.Entry("b", null));
    listing.created("a", pod("a", "new", null));
    listing.created("b", pod("b", "u2", null)); // a list page read after the PUT showed it

    assertThat(answer()).containsExactlyInAnyOrder("a/new=unknown", "b/u2=Running");
  }
}
