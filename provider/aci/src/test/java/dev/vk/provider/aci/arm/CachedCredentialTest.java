package dev.vk.provider.aci.arm;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import dev.vk.provider.testkit.TestingClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class CachedCredentialTest {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final TokenRequestContext ARM =
      new TokenRequestContext().addScopes("https://management.azure.com//.default");
  private static final TokenRequestContext METRICS =
      new TokenRequestContext().addScopes("https://metrics.monitor.azure.com/.default");

  private final TestingClock clock = new TestingClock(START);

  /** Hands out one-hour tokens whose refresh time is {@code refreshAt} (1970 like MSAL's). */
  private static final class Issuer implements TokenCredential {
    final List<String> issued = new ArrayList<>();
    final Clock clock;
    final Duration refreshIn;

    Issuer(Clock clock, Duration refreshIn) {
      this.clock = clock;
      this.refreshIn = refreshIn;
    }

    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
      return Mono.fromCallable(() -> getTokenSync(request));
    }

    @Override
    public AccessToken getTokenSync(TokenRequestContext request) {
      OffsetDateTime at = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
      String token = "t" + issued.size();
      issued.add(token);
      OffsetDateTime refreshAt =
          refreshIn == null
              ? OffsetDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC)
              : at.plus(refreshIn);
      return new AccessToken(token, at.plusHours(1), refreshAt);
    }
  }

  @Test
  void reusesTokenUntilFiveMinutesBeforeExpiry() {
    Issuer issuer = new Issuer(clock, null);
    CachedCredential credential = new CachedCredential(issuer, clock);

    AccessToken first = credential.getTokenSync(ARM);
    clock.advance(Duration.ofMinutes(54));
    assertThat(credential.getTokenSync(ARM).getToken()).isEqualTo(first.getToken());
    assertThat(credential.getToken(ARM).block().getToken()).isEqualTo(first.getToken());
    clock.advance(Duration.ofMinutes(1));
    assertThat(credential.getTokenSync(ARM).getToken()).isNotEqualTo(first.getToken());

    assertThat(issuer.issued).hasSize(2);
    assertThat(first.getRefreshAt()).as("the past refresh time is dropped").isNull();
  }

  @Test
  void oneTokenPerScope() {
    Issuer issuer = new Issuer(clock, null);
    CachedCredential credential = new CachedCredential(issuer, clock);

    credential.getTokenSync(ARM);
    credential.getToken(METRICS).block();
    credential.getTokenSync(ARM);
    credential.getTokenSync(METRICS);

    assertThat(issuer.issued).hasSize(2);
  }

  @Test
  void honoursARefreshTimeAhead() {
    Issuer issuer = new Issuer(clock, Duration.ofMinutes(30));
    CachedCredential credential = new CachedCredential(issuer, clock);

    AccessToken first = credential.getTokenSync(ARM);
    clock.advance(Duration.ofMinutes(29));
    credential.getTokenSync(ARM);
    clock.advance(Duration.ofMinutes(1));
    credential.getTokenSync(ARM);

    assertThat(first.getRefreshAt())
        .isEqualTo(OffsetDateTime.ofInstant(START, ZoneOffset.UTC).plusMinutes(30));
    assertThat(issuer.issued).hasSize(2);
  }
}
