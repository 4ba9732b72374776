package dev.vk.provider.aci.arm;

import static dev.vk.provider.aci.arm.ArmRateLimiter.Kind.DELETES;
import static dev.vk.provider.aci.arm.ArmRateLimiter.Kind.READS;
import static dev.vk.provider.aci.arm.ArmRateLimiter.Kind.WRITES;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.util.Context;
import dev.vk.provider.RateLimitListener;
import dev.vk.provider.aci.arm.ArmRateLimiter.Kind;
import dev.vk.provider.testkit.TestingClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Mono;

class ArmRateLimiterTest {
  private final TestingClock clock = new TestingClock();
  private final ArmRateLimiter limiter = new ArmRateLimiter(10, clock);

  @Test
  @DisplayName("requests are spaced by the rate: at 10 per second the second waits 100 ms")
  void spacing() {
    assertThat(limiter.reserve(READS)).isZero();
    assertThat(limiter.reserve(READS)).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  @DisplayName(
      "a slot no request waited for is kept: 350 ms after a request three go at once, then the rate")
  void unusedSlotsAreKept() {
    limiter.reserve(DELETES);
    clock.advance(Duration.ofMillis(350)); // the slots at 100, 200 and 300 ms went unused
    assertThat(limiter.reserve(DELETES)).isZero();
    assertThat(limiter.reserve(DELETES)).isZero();
    assertThat(limiter.reserve(DELETES)).isZero();
    assertThat(limiter.reserve(DELETES)).isEqualTo(Duration.ofMillis(50));
    assertThat(limiter.reserve(DELETES)).isEqualTo(Duration.ofMillis(150));
  }

  @Test
  @DisplayName("the bucket holds a second's requests: after a minute idle ten go at once")
  void burstIsASecond() {
    clock.advance(Duration.ofMinutes(1));
    for (int i = 0; i < 10; i++) {
      assertThat(limiter.reserve(WRITES)).isZero();
    }
    assertThat(limiter.reserve(WRITES)).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  @DisplayName("a pause saves no slots: after a Retry-After requests resume at the rate")
  void pauseLeavesNoBurst() {
    clock.advance(Duration.ofMinutes(1));
    limiter.observe(READS, 429, "3", Long.MAX_VALUE);
    assertThat(limiter.reserve(READS)).isEqualTo(Duration.ofSeconds(3));
    assertThat(limiter.reserve(READS)).isEqualTo(Duration.ofMillis(3100));
  }

  @Test
  @DisplayName(
      "reads, writes and deletes are spaced apart: a create never waits behind status reads")
  void bucketsAreSeparate() {
    for (int i = 0; i < 50; i++) {
      limiter.reserve(READS); // a status round's burst of GETs
    }
    assertThat(limiter.reserve(WRITES)).isZero();
    assertThat(limiter.reserve(DELETES)).isZero();
    assertThat(limiter.reserve(WRITES)).isEqualTo(Duration.ofMillis(100));
    assertThat(limiter.reserve(READS)).isEqualTo(Duration.ofSeconds(5));
    assertThat(limiter.sent(READS)).isEqualTo(51);
    assertThat(limiter.sent(WRITES)).isEqualTo(2);
    assertThat(limiter.sent(DELETES)).isEqualTo(1);
  }

  @Test
  @DisplayName("ARM's buckets by method: GET and HEAD read, DELETE deletes, everything else writes")
  void kindsByMethod() {
    assertThat(Kind.of(HttpMethod.GET)).isEqualTo(READS);
    assertThat(Kind.of(HttpMethod.HEAD)).isEqualTo(READS);
    assertThat(Kind.of(HttpMethod.DELETE)).isEqualTo(DELETES);
    assertThat(Kind.of(HttpMethod.PUT)).isEqualTo(WRITES);
    assertThat(Kind.of(HttpMethod.PATCH)).isEqualTo(WRITES);
    assertThat(Kind.of(HttpMethod.POST)).isEqualTo(WRITES);
  }

  @Test
  @DisplayName("a 429 to a read pauses reads only: creates and deletes go on")
  void throttlingPausesItsOwnBucket() {
    limiter.observe(READS, 429, "3", Long.MAX_VALUE);
    assertThat(limiter.reserve(READS)).isEqualTo(Duration.ofSeconds(3));
    assertThat(limiter.reserve(WRITES)).isZero();
    assertThat(limiter.remainingPause(DELETES)).isZero();
  }

  @Test
  @DisplayName("a 429 pauses requests that already hold a slot until its Retry-After has passed")
  void pauseReachesWaitingRequests() {
    limiter.reserve(WRITES);
    Duration slot = limiter.reserve(WRITES); // a second request now waits for its slot
    assertThat(slot).isEqualTo(Duration.ofMillis(100));
    limiter.observe(WRITES, 429, "2", Long.MAX_VALUE); // meanwhile another one was throttled
    clock.advance(slot);
    assertThat(limiter.remainingPause(WRITES)).isEqualTo(Duration.ofMillis(1900));
    clock.advance(Duration.ofMillis(1900));
    assertThat(limiter.remainingPause(WRITES)).isZero();
  }

  @Test
  @DisplayName("a request reserved after a 429 starts no earlier than its Retry-After")
  void newRequestsWait() {
    limiter.observe(DELETES, 429, "3", Long.MAX_VALUE);
    assertThat(limiter.reserve(DELETES)).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  @Timeout(10)
  @DisplayName("through the SDK pipeline, a read throttled with Retry-After holds up no PUT")
  void pipelineSortsRequestsByMethod() {
    HttpHeaders retry = new HttpHeaders().set(HttpHeaderName.RETRY_AFTER, "30");
    HttpPipeline pipeline =
        new HttpPipelineBuilder()
            .policies(limiter)
            .httpClient(
                request ->
                    Mono.just(
                        request.getHttpMethod() == HttpMethod.GET
                            ? new ArmCallsTest.FakeResponse(429, retry)
                            : new ArmCallsTest.FakeResponse(201, new HttpHeaders())))
            .build();
    String url = "https://management.azure.com/x";

    assertThat(
            pipeline.sendSync(new HttpRequest(HttpMethod.GET, url), Context.NONE).getStatusCode())
        .isEqualTo(429);
    // The clock stands still: a PUT that waited for the reads' pause would never be sent.
    assertThat(
            pipeline.sendSync(new HttpRequest(HttpMethod.PUT, url), Context.NONE).getStatusCode())
        .isEqualTo(201);

    assertThat(limiter.sent(READS)).isEqualTo(1);
    assertThat(limiter.sent(WRITES)).isEqualTo(1);
    assertThat(limiter.remainingPause(READS)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  @DisplayName("a nearly spent ARM budget slows requests down for a second")
  void lowRemaining() {
    limiter.observe(READS, 200, null, 2);
    assertThat(limiter.remainingPause(READS)).isEqualTo(Duration.ofSeconds(1));
    assertThat(limiter.remainingPause(WRITES)).isZero();
  }

  @Test
  @DisplayName("each 429 is reported to the node's metrics as a throttled ARM request")
  void throttledReported() {
    List<String> heard = new ArrayList<>();
    ArmRateLimiter reporting =
        new ArmRateLimiter(
            10,
            clock,
            new RateLimitListener() {
              @Override
              public void waited(String limiter, Duration wait) {}

              @Override
              public void throttled(String limiter) {
                heard.add(limiter);
              }
            });
    reporting.observe(READS, 200, null, Long.MAX_VALUE);
    reporting.observe(READS, 429, "1", Long.MAX_VALUE);
    reporting.observe(WRITES, 429, "1", Long.MAX_VALUE);
    assertThat(heard).containsExactly("arm", "arm");
  }
}
