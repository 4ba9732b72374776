package dev.vk.provider.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SharedValuesTest {
  @Test
  void equalStringsReadTwiceAreHeldOnce() {
    // A value no other code of this JVM shares, so the process-wide table holds no copy yet.
    String value = "ns-" + UUID.randomUUID().toString().substring(0, 8);
    String first = new String(value);
    String second = new String(value);
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
    long seconds = 1_000_000_000L + new Random().nextInt(1_000_000_000);
    OffsetDateTime first = OffsetDateTime.ofInstant(Instant.ofEpochSecond(seconds), ZoneOffset.UTC);
    OffsetDateTime second =
        OffsetDateTime.ofInstant(Instant.ofEpochSecond(seconds), ZoneOffset.UTC);
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
