package dev.vk.provider.aci.arm;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.resourcemanager.containerinstance.fluent.ContainerInstanceManagementClient;
import com.azure.resourcemanager.containerinstance.implementation.ContainerInstanceManagementClientBuilder;
import com.azure.resourcemanager.resources.fluentcore.utils.HttpPipelineProvider;
import dev.vk.provider.aci.config.AciSettings;
import dev.vk.provider.aci.config.TrustedTls;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;

/**
 * Builds the Azure SDK client: OkHttp with the provider's trust, a credential from the
 * azure-identity chain, ARM and Entra ID endpoints (overridable for emulators and sovereign
 * clouds), the shared rate limiter, and no SDK retries ({@link ArmCalls} retries, so each call is
 * retried in one place).
 */
public final class AzureClients {

  private AzureClients() {}

  /**
   * How the provider reaches ARM: the HTTP client with the provider's trust, the cloud's endpoints
   * and the credential, whose ARM token is already being fetched ({@link #connect}).
   */
  public record Arm(HttpClient http, AzureProfile profile, TokenCredential credential) {}

  /**
   * Builds the HTTP client and the credential, and starts fetching the ARM token on a thread of its
   * own ({@link TokenAhead}), so the first ARM call finds it held. Does not block; calls no ARM.
   */
  public static Arm connect(AciSettings.Connection settings, TrustedTls tls) {
    NativeCrypto.start();
    OkHttpClient okHttp =
        new OkHttpClient.Builder()
            .sslSocketFactory(tls.sslContext().getSocketFactory(), tls.trustManager())
            .addInterceptor(
                chain -> {
                  NativeCrypto.ready(); // before the first connection picks its AES-GCM
                  return chain.proceed(chain.request());
                })
            .build();
    HttpClient http = http(okHttp);
    Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
    settings.armEndpoint().ifPresent(url -> endpoints.put("resourceManagerEndpointUrl", url + "/"));
    settings.aadEndpoint().ifPresent(url -> endpoints.put("activeDirectoryEndpointUrl", url + "/"));
    AzureProfile profile =
        new AzureProfile(
            settings.tenantId().orElse(null),
            settings.subscriptionId(),
            new AzureEnvironment(endpoints));
    TokenCredential credential = credential(settings, http);
    TokenAhead.fetch(credential, profile.getEnvironment());
    return new Arm(http, profile, credential);
  }

  /** Builds the container group client on {@code arm}; does not call ARM. */
  public static ContainerInstanceManagementClient build(Arm arm, ArmRateLimiter limiter) {
    // The pipeline ContainerInstanceManager builds, without the manager: its constructor also
    // builds network, storage and authorization managers (about 1,100 classes, 0.4 s of the
    // node's start) that the provider never calls.
    HttpPipeline pipeline =
        HttpPipelineProvider.buildHttpPipeline(
            arm.credential(),
            arm.profile(),
            null, // the environment's ARM scope
            new HttpLogOptions().setLogLevel(HttpLogDetailLevel.NONE),
            null, // the global configuration
            new RetryPolicy(new RetryOptions(new FixedDelayOptions(0, Duration.ZERO))),
            List.of(limiter),
            arm.http());
    return new ContainerInstanceManagementClientBuilder()
        .pipeline(pipeline)
        .endpoint(arm.profile().getEnvironment().getResourceManagerEndpoint())
        .subscriptionId(arm.profile().getSubscriptionId())
        .buildClient();
  }

  /**
   * The SDK's HTTP client on {@code okHttp}, without the SDK's per-call response timeout: that
   * timeout is scheduled on azure-core's shared executor, which azure-core's own shutdown hook
   * stops as the node stops, so every ARM call still in flight then failed with "Shutdown in
   * progress" and an uncaught stack trace. OkHttp's read timeout (the SDK's default, 60 s) still
   * ends a call whose answer does not come. Does not block.
   */
  public static HttpClient http(OkHttpClient okHttp) {
    return new OkHttpAsyncHttpClientBuilder(okHttp).responseTimeout(Duration.ZERO).build();
  }

  /**
   * A client secret when the settings name one (the emulator's way); otherwise the default chain:
   * AZURE_* environment (secret, certificate, workload identity), then managed identity. Each token
   * is reused until shortly before it expires ({@link CachedCredential}).
   */
  public static TokenCredential credential(AciSettings.Connection settings, HttpClient http) {
    return new CachedCredential(source(settings, http), Clock.systemUTC());
  }

  private static TokenCredential source(AciSettings.Connection settings, HttpClient http) {
    if (settings.clientSecret().isPresent()) {
      ClientSecretCredentialBuilder builder =
          new ClientSecretCredentialBuilder()
              .tenantId(settings.tenantId().orElseThrow())
              .clientId(settings.clientId().orElseThrow())
              .clientSecret(settings.clientSecret().get())
              .httpClient(http);
      settings
          .aadEndpoint()
          // A custom authority is unknown to login.microsoftonline.com's instance discovery.
          .ifPresent(url -> builder.authorityHost(url).disableInstanceDiscovery());
      return builder.build();
    }
    DefaultAzureCredentialBuilder builder = new DefaultAzureCredentialBuilder().httpClient(http);
    settings.tenantId().ifPresent(builder::tenantId);
    settings.aadEndpoint().ifPresent(builder::authorityHost);
    settings.managedIdentityClientId().ifPresent(builder::managedIdentityClientId);
    settings.clientId().ifPresent(builder::workloadIdentityClientId);
    return builder.build();
  }
}
