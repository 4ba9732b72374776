package dev.vk.kubeletapi.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.kubelet.types.ProviderException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiErrorTest {
  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource({
    "NOT_FOUND, 404, NotFound",
    "INVALID_INPUT, 400, BadRequest",
    "UNSUPPORTED, 501, NotImplemented",
    "THROTTLED, 503, ServiceUnavailable",
    "UNAVAILABLE, 503, ServiceUnavailable",
    "CONFLICT, 503, ServiceUnavailable",
    "NOT_PERMITTED, 500, InternalError",
    "INTERNAL, 500, InternalError",
  })
  void providerFailuresKeepTheirMessage(ProviderException.Kind from, int code, String reason) {
    ApiError error =
        ApiError.of(
            new CompletionException(new ProviderException(from, "container \"c\" not found")));
    assertThat(error.code()).isEqualTo(code);
    assertThat(error.reason()).isEqualTo(reason);
    assertThat(error.message()).isEqualTo("container \"c\" not found");
  }
}
