package dev.vk.provider.aci.arm;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.http.HttpHeaders;
import com.azure.core.management.exception.ManagementError;
import com.azure.core.management.exception.ManagementException;
import com.microsoft.aad.msal4j.MsalServiceException;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.kubelet.types.ProviderException.Kind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Failures that retrying cannot fix are not retriable, and say why. */
class ArmErrorsTest {
  private static ManagementException arm(int status, String code) {
    return new ManagementException(
        "Status code " + status,
        new ArmCallsTest.FakeResponse(status, new HttpHeaders()),
        new ManagementError(code, "denied"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "401, InvalidAuthenticationToken, NOT_PERMITTED, rejected the node's credentials",
    "403, AuthorizationFailed, NOT_PERMITTED, lacks a role",
    "413, RequestEntityTooLarge, INVALID_INPUT, too large"
  })
  @DisplayName("401, 403 and 413 are not retriable and name the cause")
  void notRetriable(int status, String code, Kind kind, String reason) {
    ProviderException e = ArmErrors.classify("create container group ns-web", arm(status, code));
    assertThat(e.kind()).isEqualTo(kind);
    assertThat(e.retriable()).isFalse();
    assertThat(e.getMessage())
        .startsWith("create container group ns-web: " + status + " " + code + ": denied")
        .contains(reason, "not retried");
  }

  @Test
  @DisplayName("a failed token acquisition is not retried either")
  void authentication() {
    ProviderException e =
        ArmErrors.classify(
            "list container groups", new ClientAuthenticationException("bad secret", null));
    assertThat(e.kind()).isEqualTo(Kind.NOT_PERMITTED);
    assertThat(e.retriable()).isFalse();
    assertThat(e.getMessage()).contains("Azure authentication failed, not retried: bad secret");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"503, UNAVAILABLE, true", "429, UNAVAILABLE, true", "401, NOT_PERMITTED, false"})
  @DisplayName("the token endpoint's own answer: 5xx and 429 are retried, a refusal is not")
  void tokenEndpoint(int status, Kind kind, boolean retriable) {
    MsalServiceException entra =
        new MsalServiceException(
            "Unknown service exception. Http request returned status code: "
                + status
                + " with http body: {}",
            "unknown");
    ProviderException e =
        ArmErrors.classify(
            "get container group g", new ClientAuthenticationException("wrapped", null, entra));
    assertThat(e.kind()).isEqualTo(kind);
    assertThat(e.retriable()).isEqualTo(retriable);
    assertThat(e.getMessage())
        .startsWith("get container group g: the Entra ID token endpoint answered " + status);
  }
}
