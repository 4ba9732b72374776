package dev.vk.benchmarks.node;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Sends a cloud emulator the requests a node's start makes, a few dozen times, before the node is
 * started against it. The emulator runs in the benchmark JVM, fresh for each run: without this the
 * first node of a run met an emulator whose TLS, routing and JSON were still interpreted, sharing
 * the node's two cores while it started, where the real ARM, Entra ID and ECS are always warm. Each
 * round opens new connections, so TLS handshakes warm too. The emulator counts these calls; {@link
 * NodeCloud#calls()} leaves them out.
 */
final class EmulatorWarmUp {
  static final int ROUNDS = 40;
  private static final Pattern ACCESS_TOKEN =
      Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

  private EmulatorWarmUp() {}

  /**
   * Entra ID's token request and ARM's group list, as the azure provider's start sends them.
   *
   * @return the requests answered (all of them, or this throws)
   */
  static int aci(Map<String, String> s) {
    SSLContext tls = trusting(Path.of(s.get("ca-file")));
    String arm = s.get("arm-endpoint");
    String form =
        "grant_type=client_credentials&client_id="
            + s.get("client-id")
            + "&client_secret="
            + s.get("client-secret")
            + "&scope="
            + URLEncoder.encode(arm + "/.default", StandardCharsets.UTF_8);
    URI token = URI.create(s.get("aad-endpoint") + "/" + s.get("tenant-id") + "/oauth2/v2.0/token");
    URI list =
        URI.create(
            arm
                + "/subscriptions/"
                + s.get("subscription-id")
                + "/resourceGroups/"
                + s.get("resource-group")
                + "/providers/Microsoft.ContainerInstance/containerGroups?api-version=2023-05-01");
    for (int i = 0; i < ROUNDS; i++) {
      HttpClient http = HttpClient.newBuilder().sslContext(tls).build();
      String answer =
          send(
              http,
              HttpRequest.newBuilder(token)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build());
      Matcher m = ACCESS_TOKEN.matcher(answer);
      if (!m.find()) {
        throw new IllegalStateException("no token from the ARM emulator: " + answer);
      }
      send(
          http,
          HttpRequest.newBuilder(list).header("Authorization", "Bearer " + m.group(1)).build());
    }
    return 2 * ROUNDS;
  }

  /**
   * ECS's cluster and task listing, as the fargate provider's start sends them.
   *
   * @return the requests answered (all of them, or this throws)
   */
  static int ecs(Map<String, String> s) {
    URI ecs = URI.create(s.get("ecs-endpoint"));
    for (int i = 0; i < ROUNDS; i++) {
      HttpClient http = HttpClient.newHttpClient();
      for (String target : new String[] {"DescribeClusters", "ListTasks"}) {
        send(
            http,
            HttpRequest.newBuilder(ecs)
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "AmazonEC2ContainerServiceV20141113." + target)
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + s.get("access-key-id"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
      }
    }
    return 2 * ROUNDS;
  }

  private static String send(HttpClient http, HttpRequest request) {
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() >= 300) {
        throw new IllegalStateException(request.uri() + " answered " + r.statusCode());
      }
      return r.body();
    } catch (IOException e) {
      throw new IllegalStateException("warming the emulator: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static SSLContext trusting(Path caPem) {
    try (InputStream in = Files.newInputStream(caPem)) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      store.setCertificateEntry(
          "ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the emulator's CA " + caPem + ": " + e, e);
    }
  }
}
