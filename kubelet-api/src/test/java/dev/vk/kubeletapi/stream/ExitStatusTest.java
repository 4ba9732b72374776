package dev.vk.kubeletapi.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.kubeletapi.spi.KubeletApiException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExitStatusTest {
  private static String json(Integer code, Throwable error) {
    return new String(ExitStatus.statusJson(code, error), StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("success is a bare Success status")
  void success() {
    assertThat(json(0, null)).isEqualTo("{\"metadata\":{},\"status\":\"Success\"}");
  }

  @Test
  @DisplayName("a non-zero exit is NonZeroExitCode with the code as an ExitCode cause")
  void nonZero() {
    assertThat(json(3, null))
        .isEqualTo(
            "{\"metadata\":{},\"status\":\"Failure\","
                + "\"message\":\"command terminated with non-zero exit code: exit status 3\","
                + "\"reason\":\"NonZeroExitCode\","
                + "\"details\":{\"causes\":[{\"reason\":\"ExitCode\",\"message\":\"3\"}]}}");
  }

  @Test
  @DisplayName("other failures map like HTTP errors: InternalError 500, NotFound 404")
  void failures() {
    assertThat(json(0, new CompletionException(new IllegalStateException("no shell"))))
        .contains(
            "\"status\":\"Failure\"", "\"reason\":\"InternalError\"", "\"code\":500", "no shell");
    assertThat(json(0, KubeletApiException.notFound("container c not found")))
        .contains("\"reason\":\"NotFound\"", "\"code\":404", "container c not found");
  }

  @Test
  @DisplayName("pre-v4 protocols get text, and nothing on success")
  void legacy() {
    assertThat(ExitStatus.legacyText(0, null)).isEmpty();
    assertThat(new String(ExitStatus.legacyText(2, null), StandardCharsets.UTF_8))
        .contains("non-zero exit code")
        .contains("2");
  }

  @Test
  @DisplayName("exit codes are reduced to 8 bits, null is 0")
  void normalize() {
    assertThat(ExitStatus.normalize(null)).isZero();
    assertThat(ExitStatus.normalize(256 + 7)).isEqualTo(7);
    assertThat(ExitStatus.normalize(-1)).isEqualTo(255);
  }
}
