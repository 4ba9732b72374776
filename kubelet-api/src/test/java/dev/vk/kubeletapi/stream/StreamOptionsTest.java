package dev.vk.kubeletapi.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vk.kubeletapi.spi.KubeletApiException;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StreamOptionsTest {
  private static StreamOptions parse(String q, boolean exec) throws KubeletApiException {
    return StreamOptions.parse(new QueryStringDecoder("/exec/a/b/c?" + q).parameters(), exec);
  }

  @Test
  @DisplayName("command is repeated, one value per argv element, in order")
  void command() throws Exception {
    StreamOptions o = parse("command=sh&command=-c&command=echo+hi%20there&output=1&error=1", true);
    assertThat(o.command()).containsExactly("sh", "-c", "echo hi there");
    assertThat(o.stdout()).isTrue();
    assertThat(o.stderr()).isTrue();
    assertThat(o.stdin()).isFalse();
    assertThat(o.tty()).isFalse();
  }

  @Test
  @DisplayName("flags accept 1 and true; anything else is off")
  void flags() throws Exception {
    assertThat(parse("command=x&input=true&output=TRUE&tty=1", true))
        .isEqualTo(new StreamOptions(true, true, false, true, List.of("x")));
    assertThat(parse("command=x&input=yes&output=1", true).stdin()).isFalse();
  }

  @Test
  @DisplayName("a TTY drops stderr, as the kubelet does")
  void ttyDropsStderr() throws Exception {
    StreamOptions o = parse("command=sh&input=1&output=1&error=1&tty=1", true);
    assertThat(o.stderr()).isFalse();
    assertThat(o.tty()).isTrue();
  }

  @Test
  @DisplayName("no stream at all is a 400; so is an exec without command")
  void invalid() {
    assertThatThrownBy(() -> parse("command=sh&tty=1", true))
        .isInstanceOfSatisfying(
            KubeletApiException.class,
            e -> assertThat(e.kind()).isEqualTo(KubeletApiException.Kind.BAD_REQUEST))
        .hasMessageContaining("at least 1 of stdin, stdout, stderr");
    assertThatThrownBy(() -> parse("output=1", true)).hasMessageContaining("command");
  }

  @Test
  @DisplayName("attach needs no command")
  void attach() throws Exception {
    assertThat(parse("output=1", false).command()).isEmpty();
  }
}
