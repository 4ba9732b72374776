package dev.vk.provider.fargate.config;

import dev.vk.provider.RateLimitListener;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Builds the AWS clients (ECS, CloudWatch Logs, CloudWatch, Systems Manager) from the settings.
 * Credentials come from the SDK's default chain (environment, profile, web identity / IRSA,
 * container and instance roles) unless the emulator-only access key settings are given. Blocking
 * clients on the JDK URL connection stack. ECS is built at once (every pod needs it); CloudWatch
 * Logs, CloudWatch and Systems Manager on their first call ({@link LazyClient}), since logs,
 * metrics and port-forward may never be asked for.
 */
public final class AwsClients {
  private AwsClients() {}

  public static EcsClient ecs(FargateSettings s) {
    return ecs(s, RateLimitListener.NONE);
  }

  /**
   * @param rateLimits hears every throttled attempt (limiter {@code ecs}), for the node's metrics
   */
  public static EcsClient ecs(FargateSettings s, RateLimitListener rateLimits) {
    return build(EcsClient.builder(), s, "ecs", rateLimits, s.ecsEndpoint());
  }

  public static LazyClient<CloudWatchLogsClient> logs(FargateSettings s) {
    return logs(s, RateLimitListener.NONE);
  }

  /**
   * @param rateLimits hears every throttled attempt (limiter {@code logs}), for the node's metrics
   */
  public static LazyClient<CloudWatchLogsClient> logs(
      FargateSettings s, RateLimitListener rateLimits) {
    Optional<URI> endpoint = s.logsEndpoint().or(s::ecsEndpoint);
    return LazyClient.of(
        () -> build(CloudWatchLogsClient.builder(), s, "logs", rateLimits, endpoint));
  }

  /**
   * The Systems Manager client of port-forward sessions (StartSession).
   *
   * @param rateLimits hears every throttled attempt (limiter {@code ssm}), for the node's metrics
   */
  public static LazyClient<SsmClient> ssm(
      FargateSettings s, PortForwardSettings portForward, RateLimitListener rateLimits) {
    Optional<URI> endpoint = portForward.ssmEndpoint().or(s::ecsEndpoint);
    return LazyClient.of(() -> build(SsmClient.builder(), s, "ssm", rateLimits, endpoint));
  }

  /**
   * The CloudWatch client for pod metrics (GetMetricData).
   *
   * @param rateLimits hears every throttled attempt (limiter {@code cloudwatch}), for the node's
   *     metrics
   */
  public static LazyClient<CloudWatchClient> cloudWatch(
      FargateSettings s, MetricsSettings m, RateLimitListener rateLimits) {
    Optional<URI> endpoint = m.cloudWatchEndpoint().or(s::ecsEndpoint);
    return LazyClient.of(
        () -> build(CloudWatchClient.builder(), s, "cloudwatch", rateLimits, endpoint));
  }

  /**
   * One client: the settings' region and credentials, the JDK URL connection stack, the retry
   * strategy below, throttled attempts counted under {@code limiter}, and the endpoint override.
   */
  private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(
      B builder,
      FargateSettings s,
      String limiter,
      RateLimitListener rateLimits,
      Optional<URI> endpoint) {
    builder
        .region(Region.of(s.region()))
        .credentialsProvider(credentials(s))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(overrides(s, new ThrottledAttempts(limiter, rateLimits)));
    endpoint.ifPresent(builder::endpointOverride);
    return builder.build();
  }

  /**
   * The retry strategy, set explicitly rather than inherited from defaults: the standard strategy
   * (which already treats ThrottlingException, 5xx and I/O errors as retriable) with full-jitter
   * exponential backoff, a longer base for throttling, and no client-side circuit breaker, because
   * a sustained throttle must slow us down, not fail every call once the retry quota is spent.
   */
  static RetryStrategy retryStrategy(int maxAttempts) {
    return AwsRetryStrategy.standardRetryStrategy().toBuilder()
        .maxAttempts(maxAttempts)
        .backoffStrategy(
            BackoffStrategy.exponentialDelay(Duration.ofMillis(100), Duration.ofSeconds(5)))
        .throttlingBackoffStrategy(
            BackoffStrategy.exponentialDelay(Duration.ofMillis(500), Duration.ofSeconds(20)))
        .circuitBreakerEnabled(false)
        .build();
  }

  private static ClientOverrideConfiguration overrides(
      FargateSettings s, ThrottledAttempts throttled) {
    return ClientOverrideConfiguration.builder()
        .retryStrategy(retryStrategy(s.maxAttempts()))
        .addMetricPublisher(throttled)
        .apiCallTimeout(Duration.ofMinutes(2))
        .build();
  }

  private static AwsCredentialsProvider credentials(FargateSettings s) {
    return s.staticCredentials()
        .<AwsCredentialsProvider>map(
            k ->
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(k.accessKeyId(), k.secretAccessKey())))
        .orElseGet(() -> DefaultCredentialsProvider.builder().build());
  }
}
