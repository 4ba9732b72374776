package dev.vk.provider.aci;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import dev.vk.provider.aci.arm.AzureClients;
import dev.vk.provider.aci.config.AciMetricsSettings;
import dev.vk.provider.aci.config.AciSettings;
import dev.vk.provider.aci.config.TrustedTls;
import dev.vk.provider.aci.metrics.AciMetrics;
import dev.vk.provider.aci.metrics.MetricsBatchClient;
import dev.vk.provider.aci.metrics.MetricsTarget;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * Builds the pod metrics source: an azure-core pipeline on OkHttp with the provider's trust, the
 * same credential settings as ARM (its own token, for the metrics audience), no retries (the next
 * scrape after the freshness retries) and not the ARM rate limiter (Azure Monitor's budget is its
 * own).
 */
final class AciMetricsWiring {

  private AciMetricsWiring() {}

  /** Does not call Azure yet. */
  static AciMetrics create(
      AciSettings.Connection connection,
      AciMetricsSettings settings,
      TrustedTls tls,
      Supplier<List<MetricsTarget>> targets,
      Clock clock) {
    OkHttpClient okHttp =
        new OkHttpClient.Builder()
            .sslSocketFactory(tls.sslContext().getSocketFactory(), tls.trustManager())
            .build();
    HttpClient http = AzureClients.http(okHttp);
    TokenCredential credential = AzureClients.credential(connection, http);
    HttpPipeline pipeline =
        new HttpPipelineBuilder()
            .httpClient(http)
            .policies(new BearerTokenAuthenticationPolicy(credential, MetricsBatchClient.SCOPE))
            .build();
    return new AciMetrics(
        new MetricsBatchClient(pipeline, settings.endpoint(), connection.subscriptionId()),
        targets,
        "/subscriptions/"
            + connection.subscriptionId()
            + "/resourceGroups/"
            + connection.resourceGroup(),
        settings.freshness(),
        clock);
  }
}
