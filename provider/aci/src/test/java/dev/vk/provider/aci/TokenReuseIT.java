package dev.vk.provider.aci;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import dev.vk.emulator.aci.AciEmulator;
import dev.vk.provider.PodLifecycle;
import dev.vk.provider.ProviderContext;
import dev.vk.provider.aci.arm.AzureClients;
import dev.vk.provider.aci.config.AciSettings;
import dev.vk.provider.aci.config.TrustedTls;
import dev.vk.provider.testkit.EmulatorExtension;
import dev.vk.provider.testkit.TestingKubernetesAccess;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The node's credential against the emulator's Entra ID, whose one-hour tokens carry no {@code
 * refresh_in} (as Entra ID's): one token request per scope, and tokens whose refresh time lies
 * ahead, since azure-core's pipeline cache fetches a new token every 30 s when it has passed
 * (before, the benchmark saw 2 token requests a minute).
 */
class TokenReuseIT {

  private static final String TOKEN = "aad.token";
  private static final String LIST = "containerGroups.listByResourceGroup";

  @RegisterExtension final EmulatorExtension<AciEmulator> aci = Emulators.extension();

  @Test
  void oneTokenRequestPerScope() {
    TokenCredential credential = credential();
    String arm = aci.get().providerSettings(Emulators.RESOURCE_GROUP).get("arm-endpoint");
    TokenRequestContext armScope = new TokenRequestContext().addScopes(arm + "/.default");
    TokenRequestContext metricsScope =
        new TokenRequestContext().addScopes("https://metrics.monitor.azure.com/.default");

    AccessToken first = credential.getTokenSync(armScope);
    for (int i = 0; i < 5; i++) {
      assertThat(credential.getTokenSync(armScope).getToken()).isEqualTo(first.getToken());
      assertThat(credential.getToken(armScope).block().getToken()).isEqualTo(first.getToken());
    }
    credential.getTokenSync(metricsScope);
    credential.getTokenSync(metricsScope);

    assertThat(aci.get().calls().count(TOKEN)).as("token requests").isEqualTo(2);
  }

  @Test
  @DisplayName(
      "the ARM token is fetched as the provider is built, and its first list uses that token: one"
          + " token request in all")
  void tokenFetchedAhead() throws Exception {
    AciProvider provider = Emulators.provider(aci);

    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(aci.get().calls().count(TOKEN)).isEqualTo(1));
    assertThat(aci.get().calls().count(LIST)).as("lists before the first").isZero();
    provider.getPods();

    assertThat(aci.get().calls().count(LIST)).isEqualTo(1);
    assertThat(aci.get().calls().count(TOKEN)).as("token requests").isEqualTo(1);
  }

  @Test
  @DisplayName(
      "the ARM token is fetched while the cluster id is read from Kubernetes, not after: the read"
          + " waits here until the emulator has seen the token request")
  void tokenFetchedBeforeTheClusterIdIsRead() throws Exception {
    Map<String, String> settings = Emulators.settings(aci);
    settings.remove("cluster-id");
    TestingKubernetesAccess kubernetes =
        new TestingKubernetesAccess()
            .clusterUid(
                () -> {
                  Awaitility.await("the token request, before the cluster id is known")
                      .atMost(Duration.ofSeconds(20))
                      .until(() -> aci.get().calls().count(TOKEN) == 1);
                  return "uid-of-kube-system";
                });

    PodLifecycle provider =
        new AciProviderFactory()
            .create(
                new ProviderContext(
                    Emulators.NODE,
                    Emulators.NODE_IP,
                    n -> Optional.ofNullable(settings.get(n)),
                    kubernetes));
    aci.closeAfter((AciProvider) provider);

    provider.getPods();
    assertThat(aci.get().calls().count(TOKEN)).as("token requests").isEqualTo(1);
  }

  @Test
  void tokensAreNotDueForRefreshAtOnce() {
    String arm = aci.get().providerSettings(Emulators.RESOURCE_GROUP).get("arm-endpoint");

    AccessToken token =
        credential().getTokenSync(new TokenRequestContext().addScopes(arm + "/.default"));

    OffsetDateTime now = OffsetDateTime.now();
    assertThat(token.getExpiresAt()).isAfter(now.plusMinutes(55));
    if (token.getRefreshAt() != null) {
      assertThat(token.getRefreshAt()).as("refresh time").isAfter(now.plusMinutes(30));
    }
  }

  private TokenCredential credential() {
    AciSettings settings = AciSettings.from(Emulators.context(Emulators.settings(aci)));
    TrustedTls tls = TrustedTls.load(settings.connection().caFile());
    OkHttpClient okHttp =
        new OkHttpClient.Builder()
            .sslSocketFactory(tls.sslContext().getSocketFactory(), tls.trustManager())
            .build();
    return AzureClients.credential(
        settings.connection(), new OkHttpAsyncHttpClientBuilder(okHttp).build());
  }
}
