package dev.vk.node.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.kubeletapi.spi.KubeletApiException;
import dev.vk.provider.ProviderException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProviderErrorsTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "NOT_FOUND, NOT_FOUND",
    "INVALID_INPUT, BAD_REQUEST",
    "UNSUPPORTED, NOT_IMPLEMENTED",
    "THROTTLED, UNAVAILABLE",
    "UNAVAILABLE, UNAVAILABLE",
    "CONFLICT, UNAVAILABLE",
    "INTERNAL, INTERNAL",
  })
  void mapsEveryKindAndKeepsTheMessage(ProviderException.Kind from, KubeletApiException.Kind to) {
    KubeletApiException e =
        ProviderErrors.toKubeletApi(new ProviderException(from, "container \"c\" not found"));
    assertThat(e.kind()).isEqualTo(to);
    assertThat(e.getMessage()).isEqualTo("container \"c\" not found");
  }
}
