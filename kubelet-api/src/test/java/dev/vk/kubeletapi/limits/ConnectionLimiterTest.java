package dev.vk.kubeletapi.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConnectionLimiterTest {
  /** An embedded channel that claims a remote IP address. */
  private static EmbeddedChannel from(String ip) {
    return new EmbeddedChannel() {
      @Override
      protected SocketAddress remoteAddress0() {
        return new InetSocketAddress(ip, 40000);
      }
    };
  }

  @Test
  @DisplayName("connections past the global cap are refused until one closes")
  void globalCap() {
    ConnectionLimiter limiter = new ConnectionLimiter(2, 0);
    EmbeddedChannel a = from("10.0.0.1");
    assertThat(limiter.admit(a)).isTrue();
    assertThat(limiter.admit(from("10.0.0.2"))).isTrue();
    assertThat(limiter.admit(from("10.0.0.3"))).isFalse();
    a.close();
    assertThat(limiter.open()).isEqualTo(1);
    assertThat(limiter.admit(from("10.0.0.3"))).isTrue();
    assertThat(limiter.refused()).isEqualTo(1);
  }

  @Test
  @DisplayName("one address cannot take more than its share; others still get in")
  void perAddressCap() {
    ConnectionLimiter limiter = new ConnectionLimiter(100, 2);
    EmbeddedChannel first = from("10.0.0.1");
    assertThat(limiter.admit(first)).isTrue();
    assertThat(limiter.admit(from("10.0.0.1"))).isTrue();
    assertThat(limiter.admit(from("10.0.0.1"))).isFalse();
    assertThat(limiter.admit(from("10.0.0.2"))).isTrue();
    assertThat(limiter.open()).isEqualTo(3);
    first.close();
    assertThat(limiter.admit(from("10.0.0.1"))).isTrue();
  }
}
