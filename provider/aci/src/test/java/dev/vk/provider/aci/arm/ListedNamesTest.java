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
}
