package dev.vk.emulator.aci;

import dev.vk.emulator.aci.faults.Calls;
import dev.vk.emulator.aci.faults.Faults;
import dev.vk.emulator.aci.server.AciHttpServer;
import dev.vk.emulator.aci.server.SubscriptionBudget;
import dev.vk.emulator.aci.tls.TestCertificateAuthority;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;

/**
 * A stateful emulator of Azure Resource Manager's {@code Microsoft.ContainerInstance} API (plus a
 * fake Entra ID token endpoint), served over HTTPS with a throwaway CA. Start one in-JVM with
 * {@link #start}, or as a process with {@link #main}.
 */
public final class AciEmulator implements AutoCloseable {

  private final AciEmulatorOptions options;
  private final EmulatorCore core;
  private final AciHttpServer server;
  private final TestCertificateAuthority ca;
  private final String baseUrl;
  private final Path temporaryDir; // null when the options named the state directory

  private AciEmulator(
      AciEmulatorOptions options,
      EmulatorCore core,
      AciHttpServer server,
      TestCertificateAuthority ca,
      String baseUrl,
      Path temporaryDir) {
    this.options = options;
    this.core = core;
    this.server = server;
    this.ca = ca;
    this.baseUrl = baseUrl;
    this.temporaryDir = temporaryDir;
  }

  /**
   * Starts an emulator; close it to free the port and, when the options name no state directory, to
   * delete the temporary one that holds its CA (key included).
   */
  public static AciEmulator start(AciEmulatorOptions options) throws IOException {
    try {
      Path stateDir =
          options.stateDir() != null
              ? options.stateDir()
              : Files.createTempDirectory("aci-emulator");
      List<String> names =
          new ArrayList<>(
              new LinkedHashSet<>(List.of(options.hostname(), "localhost", "127.0.0.1", "::1")));
      TestCertificateAuthority ca = TestCertificateAuthority.open(stateDir, names);
      SslContext ssl =
          SslContextBuilder.forServer(ca.serverKey(), ca.serverCertificate(), ca.caCertificate())
              .build();
      AtomicReference<String> base = new AtomicReference<>();
      EmulatorCore core = new EmulatorCore(options, base::get, ca.caCertificatePath());
      AciHttpServer server =
          AciHttpServer.bind(options.bindAddress(), options.port(), core.initializer(ssl));
      String host =
          options.hostname().contains(":") ? "[" + options.hostname() + "]" : options.hostname();
      base.set("https://" + host + ":" + server.port());
      return new AciEmulator(
          options, core, server, ca, base.get(), options.stateDir() == null ? stateDir : null);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot create the test CA", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while binding", e);
    }
  }

  /** {@code https://host:port}, the ARM endpoint and the identity authority host alike. */
  public String baseUrl() {
    return baseUrl;
  }

  /** The options it runs with. */
  public AciEmulatorOptions options() {
    return options;
  }

  /** The only subscription that exists. */
  public String subscriptionId() {
    return options.subscriptionId();
  }

  /**
   * The azure provider settings (names without the {@code azure-} prefix) that point it at this
   * emulator with a client secret: subscription, resource group, region, identity, both endpoints
   * and the CA. Timings and network mode are left to the caller.
   */
  public Map<String, String> providerSettings(String resourceGroup) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("subscription-id", subscriptionId());
    s.put("resource-group", resourceGroup);
    s.put("region", "westeurope");
    s.put("tenant-id", tenantId());
    s.put("client-id", "vk-provider");
    s.put("client-secret", "not-a-secret");
    s.put("arm-endpoint", baseUrl);
    s.put("aad-endpoint", baseUrl);
    s.put("ca-file", caCertificatePath().toString());
    s.put("metrics-endpoint", baseUrl); // Azure Monitor's regional metrics host
    return s;
  }

  /** A VNet subnet ID in this subscription, for {@code subnet-ids} (private IPs, as AKS runs). */
  public String subnetId() {
    return "/subscriptions/"
        + subscriptionId()
        + "/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/aci";
  }

  /** The tenant of the fake identity provider. */
  public String tenantId() {
    return options.tenantId();
  }

  /** The CA certificate clients must trust, PEM. */
  public Path caCertificatePath() {
    return ca.caCertificatePath();
  }

  /**
   * A PKCS#12 trust store with the CA (password {@value
   * TestCertificateAuthority#TRUST_STORE_PASSWORD}).
   */
  public Path trustStorePath() {
    return ca.trustStorePath();
  }

  /** An in-memory trust store with the CA. */
  public KeyStore trustStore() throws GeneralSecurityException {
    return ca.trustStore();
  }

  /** A client TLS context trusting the CA. */
  public SSLContext clientSslContext() throws GeneralSecurityException {
    return ca.clientSslContext();
  }

  /** Fault injection and out-of-band events. */
  public Faults faults() {
    return core.faults();
  }

  /** The name of the group in {@code resourceGroup} whose tag {@code tag} is {@code value}. */
  public java.util.Optional<String> groupTagged(String resourceGroup, String tag, String value) {
    return core.store().list(options.subscriptionId(), resourceGroup).stream()
        .filter(g -> g.tags() != null && value.equals(g.tags().path(tag).asText(null)))
        .map(g -> g.key().name())
        .findFirst();
  }

  /** ARM's token buckets of the subscription: what the remaining-requests headers report. */
  public SubscriptionBudget budget() {
    return core.budget();
  }

  /** The timeline of calls received. */
  public Calls calls() {
    return core.calls();
  }

  /** Stops the server and deletes a temporary state directory. Stored groups are lost. */
  @Override
  public void close() {
    server.close();
    core.close();
    if (temporaryDir != null) {
      try (Stream<Path> files = Files.list(temporaryDir)) {
        for (Path f : files.toList()) {
          Files.deleteIfExists(f);
        }
        Files.deleteIfExists(temporaryDir);
      } catch (IOException e) {
        // Only a temporary directory left behind; the emulator itself is closed.
      }
    }
  }

  /** Runs the emulator until the process is stopped; see {@link AciEmulatorOptions#fromArgs}. */
  public static void main(String[] args) throws IOException, InterruptedException {
    // A library jar must not ship logback.xml; the process picks its own unless told otherwise.
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "aci-emulator-logback.xml");
    }
    AciEmulator emulator = start(AciEmulatorOptions.fromArgs(args));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  emulator.close();
                  stopped.countDown();
                },
                "aci-emulator-shutdown"));
    System.out.println("ACI emulator listening on " + emulator.baseUrl());
    System.out.println("CA certificate: " + emulator.caCertificatePath());
    System.out.println(
        "Trust store: "
            + emulator.trustStorePath()
            + " (password "
            + TestCertificateAuthority.TRUST_STORE_PASSWORD
            + ")");
    System.out.println(
        "Subscription: " + emulator.subscriptionId() + "  Tenant: " + emulator.tenantId());
    System.out.flush();
    stopped.await();
  }
}
