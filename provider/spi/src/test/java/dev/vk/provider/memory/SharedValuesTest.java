package dev.vk.provider.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class SharedValuesTest {
  @Test
  void equalStringsReadTwiceAreHeldOnce() {
    String first = new String("kube-system");
    String second = new String("kube-system");
    assertThat(SharedValues.STRINGS.share(first)).isSameAs(first);
    assertThat(SharedValues.STRINGS.share(second)).isSameAs(first);
  }

  @Test
  void longStringsAndNullAreReturnedAsTheyAre() {
    String token = "x".repeat(65);
    SharedValues.STRINGS.share(token);
    String again = new String(token);
    assertThat(SharedValues.STRINGS.share(again)).isSameAs(again);
    assertThat(SharedValues.STRINGS.share(null)).isNull();
  }

  @Test
  void equalTimesAreHeldOnce() {
    OffsetDateTime first = OffsetDateTime.parse("2026-12-06T07:00:00Z");
    OffsetDateTime second = OffsetDateTime.parse("2026-12-06T07:00:00Z");
    assertThat(SharedValues.TIMES.share(first)).isSameAs(first);
    assertThat(SharedValues.TIMES.share(second)).isSameAs(first);
  }

  @Test
  void aValueTakesOverItsSlot() {
    SharedValues<Integer> one = new SharedValues<>(1, i -> true);
    Integer a = 1000;
    Integer b = 2000;
    Integer a2 = Integer.valueOf(1000);
    one.share(a);
    one.share(b);
    assertThat(one.share(a2)).isSameAs(a2);
    assertThat(one.share(Integer.valueOf(1000))).isSameAs(a2);
  }

  @Test
  void slotsMustBeAPowerOfTwo() {
    assertThatThrownBy(() -> new SharedValues<String>(3, s -> true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("power of two");
  }
}
