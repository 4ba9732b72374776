package dev.vk.testbed.chart;

import static dev.vk.testbed.chart.PodTemplate.listOrEmpty;
import static dev.vk.testbed.chart.PodTemplate.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The rendered container's ports and probes, tried the way a kubelet tries them against the pod's
 * address: every declared port accepts connections, every httpGet probe answers 2xx/3xx (HTTPS
 * without verifying the certificate, as the kubelet's prober does) and every tcpSocket probe
 * connects before the probe's failureThreshold is reached.
 */
final class Probes {
  private Probes() {}

  /**
   * Blocks while a probe fails, as long as the kubelet would keep it from failing: {@code
   * failureThreshold} tries, {@code periodSeconds} apart, each given {@code timeoutSeconds}.
   */
  static void pass(PodTemplate template, String podIp) throws IOException {
    Map<String, Object> container = template.container();
    for (Map<String, Object> port : listOrEmpty(container.get("ports"))) {
      connect(podIp, ((Number) port.get("containerPort")).intValue(), Duration.ofSeconds(5));
    }
    for (String kind : new String[] {"startupProbe", "livenessProbe", "readinessProbe"}) {
      if (container.get(kind) != null) {
        Map<String, Object> probe = map(container.get(kind));
        Duration timeout = seconds(probe, "timeoutSeconds", 1);
        Duration period = seconds(probe, "periodSeconds", 10);
        long tries = seconds(probe, "failureThreshold", 3).toSeconds();
        await(kind + " passes")
            .atMost(period.multipliedBy(tries - 1).plus(timeout).plusSeconds(1))
            .pollInterval(period)
            .untilAsserted(() -> attempt(kind, probe, container, podIp, timeout));
      }
    }
  }

  private static void attempt(
      String kind,
      Map<String, Object> probe,
      Map<String, Object> container,
      String podIp,
      Duration timeout)
      throws Exception {
    if (probe.get("httpGet") != null) {
      Map<String, Object> get = map(probe.get("httpGet"));
      String scheme = String.valueOf(get.getOrDefault("scheme", "HTTP")).toLowerCase(Locale.ROOT);
      URI uri =
          URI.create(
              scheme + "://" + podIp + ":" + port(container, get.get("port")) + get.get("path"));
      HttpResponse<String> response =
          client(timeout)
              .send(
                  HttpRequest.newBuilder(uri).timeout(timeout).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode())
          .as("%s %s: %s", kind, uri, response.body())
          .isBetween(200, 399);
    } else if (probe.get("tcpSocket") != null) {
      connect(podIp, port(container, map(probe.get("tcpSocket")).get("port")), timeout);
    }
  }

  private static Duration seconds(Map<String, Object> probe, String key, int byDefault) {
    Object value = probe.get(key);
    return Duration.ofSeconds(value == null ? byDefault : ((Number) value).longValue());
  }

  /** A port number, or the number of the container port with that name. */
  private static int port(Map<String, Object> container, Object port) {
    if (port instanceof Number n) {
      return n.intValue();
    }
    return listOrEmpty(container.get("ports")).stream()
        .filter(p -> port.equals(p.get("name")))
        .map(p -> ((Number) p.get("containerPort")).intValue())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no container port named " + port));
  }

  private static void connect(String host, int port, Duration timeout) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
    }
  }

  private static HttpClient client(Duration timeout) throws GeneralSecurityException {
    TrustManager trustAll =
        new X509TrustManager() {
          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
          }
        };
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, new TrustManager[] {trustAll}, null);
    return HttpClient.newBuilder().sslContext(tls).connectTimeout(timeout).build();
  }
}
