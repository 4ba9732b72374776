package dev.vk.provider.aci.arm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.management.exception.ManagementError;
import com.azure.core.management.exception.ManagementException;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.kubelet.types.ProviderException.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * ARM failures as the SDK throws them, classified by {@link ArmErrors} and retried by {@link
 * ArmCalls} only when transient, with the waits recorded instead of slept.
 */
class ArmCallsTest {

  private static final int MAX_ATTEMPTS = 4;

  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private final AtomicInteger attempts = new AtomicInteger();
  private final ArmCalls calls =
      new ArmCalls(MAX_ATTEMPTS, Duration.ofMillis(250), Duration.ofSeconds(20), waits::add);

  static Stream<Arguments> failures() {
    return Stream.of(
        failure(arm(400, "InvalidContainerGroupUpdate", "bad os"), Kind.INVALID_INPUT, 1),
        failure(arm(404, "ResourceNotFound", "no such group"), Kind.NOT_FOUND, 1),
        failure(arm(409, "Conflict", "group is transitioning"), Kind.CONFLICT, 1),
        failure(arm(401, "InvalidAuthenticationToken", "expired"), Kind.NOT_PERMITTED, 1),
        failure(arm(403, "AuthorizationFailed", "no role"), Kind.NOT_PERMITTED, 1),
        failure(arm(413, "RequestEntityTooLarge", "too big"), Kind.INVALID_INPUT, 1),
        failure(arm(409, "ServiceUnavailable", "no capacity in region"), Kind.UNAVAILABLE, 4),
        failure(arm(500, "InternalServerError", "oops"), Kind.UNAVAILABLE, 4),
        failure(arm(502, "BadGateway", "proxy"), Kind.UNAVAILABLE, 4),
        failure(arm(503, "ServiceUnavailable", "later"), Kind.UNAVAILABLE, 4),
        failure(arm(429, "TooManyRequests", "slow down"), Kind.THROTTLED, 4),
        failure(new UncheckedIOException(new IOException("connection reset")), Kind.UNAVAILABLE, 4),
        failure(
            new RuntimeException("reactor wrapper", new ConnectException("refused")),
            Kind.UNAVAILABLE,
            4));
  }

  @ParameterizedTest(name = "{0} -> {1} after {2} attempt(s)")
  @MethodSource("failures")
  void failuresAreClassifiedAndOnlyTransientOnesRetried(
      Exception thrown, Kind kind, int expectedAttempts) {
    assertThatThrownBy(() -> calls.call("get container group team-web", () -> fail(thrown)))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(kind))
        .hasMessageStartingWith("get container group team-web: ");
    assertThat(attempts).hasValue(expectedAttempts);
    assertThat(waits).hasSize(expectedAttempts - 1);
  }

  @Test
  void armsCodeAndMessageReachTheUser() {
    assertThatThrownBy(
            () ->
                calls.call(
                    "create container group team-web",
                    () -> fail(arm(400, "InvalidOsType", "Windows needs a newer image"))))
        .hasMessage(
            "create container group team-web: 400 InvalidOsType: Windows needs a newer image");
  }

  @Test
  void throttlingCarriesRetryAfterAndNoRetryComesSooner() {
    assertThatThrownBy(() -> calls.call("list", () -> fail(arm(429, "TooManyRequests", "x", "7"))))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(7)));

    assertThat(waits)
        .hasSize(MAX_ATTEMPTS - 1)
        .allMatch(w -> w.compareTo(Duration.ofSeconds(7)) > 0);
  }

  @Test
  void throttlingWithoutRetryAfterWaitsAtLeastASecond() {
    assertThatThrownBy(() -> calls.call("list", () -> fail(arm(429, "TooManyRequests", "x"))))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(1)));
    assertThat(waits).allMatch(w -> w.compareTo(Duration.ofSeconds(1)) > 0);
  }

  @Test
  void backoffStaysUnderTheCap() {
    assertThatThrownBy(() -> calls.call("get", () -> fail(arm(503, "ServiceUnavailable", "x"))));

    assertThat(waits)
        .hasSize(MAX_ATTEMPTS - 1)
        .allMatch(w -> w.compareTo(Duration.ofSeconds(2)) <= 0);
  }

  @Test
  void aTransientFailureFollowedBySuccessReturnsTheResult() throws Exception {
    String result =
        calls.call(
            "get",
            () ->
                attempts.incrementAndGet() == 1 ? fail(arm(503, "ServiceUnavailable", "x")) : "ok");

    assertThat(result).isEqualTo("ok");
    assertThat(waits).hasSize(1);
  }

  private String fail(Exception e) throws Exception {
    attempts.incrementAndGet();
    throw e;
  }

  private static Arguments failure(Exception thrown, Kind kind, int attempts) {
    return Arguments.of(thrown, kind, attempts);
  }

  private static ManagementException arm(int status, String code, String message) {
    return arm(status, code, message, null);
  }

  /** What the SDK throws for an ARM error response. */
  private static ManagementException arm(
      int status, String code, String message, String retryAfter) {
    HttpHeaders headers = new HttpHeaders();
    if (retryAfter != null) {
      headers.set(HttpHeaderName.RETRY_AFTER, retryAfter);
    }
    return new ManagementException(
        "Status code " + status + ", " + code,
        new FakeResponse(status, headers),
        new ManagementError(code, message)) {
      @Override
      public String toString() {
        return status + " " + code;
      }
    };
  }

  /** An ARM response with a status and headers; the body was already read into the error. */
  static final class FakeResponse extends HttpResponse {
    private final int status;
    private final HttpHeaders headers;

    FakeResponse(int status, HttpHeaders headers) {
      super(new HttpRequest(HttpMethod.GET, "https://management.azure.com/x"));
      this.status = status;
      this.headers = headers;
    }

    @Override
    public int getStatusCode() {
      return status;
    }

    @Override
    @Deprecated
    public String getHeaderValue(String name) {
      return headers.getValue(HttpHeaderName.fromString(name));
    }

    @Override
    public HttpHeaders getHeaders() {
      return headers;
    }

    @Override
    public Flux<ByteBuffer> getBody() {
      return Flux.empty();
    }

    @Override
    public Mono<byte[]> getBodyAsByteArray() {
      return Mono.empty();
    }

    @Override
    public Mono<String> getBodyAsString() {
      return Mono.empty();
    }

    @Override
    public Mono<String> getBodyAsString(Charset charset) {
      return Mono.empty();
    }
  }
}
