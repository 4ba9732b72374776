package dev.vk.provider.aci.arm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ListedNamesTest {

  private final ListedNames names = new ListedNames();

  @Test
  void nothingIsFreeBeforeAList() {
    assertThat(names.knownFree("a")).isFalse();
  }

  @Test
  void aNameNotListedIsFree() {
    names.listed(names.listing(), Set.of("a"));

    assertThat(names.knownFree("a")).isFalse();
    assertThat(names.knownFree("b")).isTrue();
  }

  @Test
  void aNameTouchedSinceTheListIsNotFree() {
    names.listed(names.listing(), Set.of());
    names.touching("b");

    assertThat(names.knownFree("b")).isFalse();
  }

  @Test
  void aNameTouchedWhileAListRanStaysTouched() {
    long started = names.listing();
    names.touching("b"); // its PUT may have reached ARM after the page that would show it
    names.listed(started, Set.of());

    assertThat(names.knownFree("b")).isFalse();
  }

  @Test
  void aLaterListDecidesAgain() {
    names.listed(names.listing(), Set.of());
    names.touching("b");
    names.listed(names.listing(), Set.of());

    assertThat(names.knownFree("b")).isTrue();
  }

  @Test
  void aNameTouchedAgainAfterItsWriteWaitsForAListBegunAfterIt() {
    names.listed(names.listing(), Set.of());
    names.touching("b"); // about to PUT
    long started = names.listing(); // a list begins while the PUT is on its way
    names.touching("b"); // the PUT was answered
    names.listed(started, Set.of()); // the list did not see it

    assertThat(names.knownFree("b")).isFalse();
  }

  @Test
  void aNameThisInstanceDeletedIsGoneEvenBeforeAList() {
    names.touching("b");
    names.deleted("b");

    assertThat(names.knownGone("b")).isTrue();
    assertThat(names.knownFree("b")).isTrue();
  }

  @Test
  void aDeletedNameIsGoneUntilWrittenAgain() {
    names.listed(names.listing(), Set.of("b"));
    names.deleted("b");
    assertThat(names.knownGone("b")).isTrue();

    names.touching("b");
    assertThat(names.knownGone("b")).isFalse();
    assertThat(names.knownFree("b")).isFalse();
  }

  @Test
  void aListBegunAfterADeleteThatStillShowsTheGroupDecides() {
    names.deleted("b");
    names.listed(names.listing(), Set.of("b")); // ARM still lists it

    assertThat(names.knownGone("b")).isFalse();
    assertThat(names.knownFree("b")).isFalse();
  }

  @Test
  void aNameMissingFromAListIsNeverKnownGone() {
    // A list paged while other groups were deleted can miss a group that exists.
    names.listed(names.listing(), Set.of());

    assertThat(names.knownFree("b")).isTrue();
    assertThat(names.knownGone("b")).isFalse();
  }
}
