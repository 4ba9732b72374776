package dev.vk.kubeletapi.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vk.kubelet.types.LogOptions;
import dev.vk.kubeletapi.spi.KubeletApiException;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogQueryParserTest {
  private static Map<String, List<String>> query(String q) {
    return new QueryStringDecoder("/x?" + q).parameters();
  }

  private static LogOptions parse(String q) throws KubeletApiException {
    return LogQueryParser.parse(query(q));
  }

  private static KubeletApiException.Kind failure(String q) {
    try {
      parse(q);
    } catch (KubeletApiException e) {
      return e.kind();
    }
    throw new AssertionError("no failure for " + q);
  }

  @Test
  @DisplayName("no query: all lines, once, no timestamps")
  void defaults() throws Exception {
    assertThat(parse("")).isEqualTo(LogOptions.DEFAULTS);
  }

  @Test
  @DisplayName("every option the apiserver sends is read")
  void everything() throws Exception {
    LogOptions o =
        parse(
            "follow=true&previous=true&timestamps=true&tailLines=10&limitBytes=500&sinceTime=2026-01-02T03:04:05Z");
    assertThat(o.follow()).isTrue();
    assertThat(o.previous()).isTrue();
    assertThat(o.timestamps()).isTrue();
    assertThat(o.tailLines()).hasValue(10);
    assertThat(o.limitBytes()).hasValue(500);
    assertThat(o.sinceTime()).contains(Instant.parse("2026-01-02T03:04:05Z"));
    assertThat(o.sinceSeconds()).isEmpty();
  }

  @Test
  @DisplayName("sinceTime accepts offsets and fractions (RFC 3339)")
  void sinceTimeOffset() throws Exception {
    assertThat(parse("sinceTime=2026-01-02T05:04:05.5%2B02:00").sinceTime())
        .contains(Instant.parse("2026-01-02T03:04:05.5Z"));
  }

  @Test
  @DisplayName("sinceSeconds yields a cut-off relative to now")
  void sinceSeconds() throws Exception {
    LogOptions o = parse("sinceSeconds=60");
    assertThat(o.cutoff(Instant.parse("2026-01-01T00:01:00Z")))
        .contains(Instant.parse("2026-01-01T00:00:00Z"));
  }

  @ParameterizedTest
  @CsvSource({
    "follow=1,true",
    "follow=0,false",
    "follow=false,false",
    "follow=FALSE,false",
    "follow=yes,true",
    "follow=,true"
  })
  @DisplayName("booleans decode as Go's query decoder does")
  void booleans(String q, boolean expected) throws Exception {
    assertThat(parse(q).follow()).isEqualTo(expected);
  }

  @Test
  @DisplayName("legacy tail overrides tailLines; tail=all means everything")
  void legacyTail() throws Exception {
    assertThat(parse("tail=5").tailLines()).hasValue(5);
    assertThat(parse("tailLines=3&tail=7").tailLines()).hasValue(7);
    assertThat(parse("tailLines=3&tail=all").tailLines()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "tailLines=abc",
    "limitBytes=1.5",
    "sinceSeconds=x",
    "sinceTime=yesterday",
    "sinceTime=2026-01-02",
    "tail=some"
  })
  @DisplayName("undecodable values are a 400")
  void badRequest(String q) {
    assertThat(failure(q)).isEqualTo(KubeletApiException.Kind.BAD_REQUEST);
  }

  @ParameterizedTest
  @CsvSource({
    "tailLines=-1",
    "limitBytes=0",
    "sinceSeconds=0",
    "sinceSeconds=10&sinceTime=2026-01-02T03:04:05Z"
  })
  @DisplayName("invalid option values and combinations are a 422")
  void invalid(String q) {
    assertThat(failure(q)).isEqualTo(KubeletApiException.Kind.INVALID);
  }

  @Test
  @DisplayName("the failure message names the problem")
  void messages() {
    assertThatThrownBy(() -> parse("sinceSeconds=10&sinceTime=2026-01-02T03:04:05Z"))
        .hasMessageContaining("at most one of sinceTime or sinceSeconds");
  }
}
