package dev.vk.provider.fargate.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.provider.ProviderContext;
import dev.vk.provider.RateLimitListener;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

class AwsClientsTest {
  private static final Map<String, String> VALUES =
      Map.of(
          "region", "eu-west-1",
          "subnets", "subnet-1",
          "ecs-endpoint", "http://127.0.0.1:9",
          "access-key-id", "key",
          "secret-access-key", "secret");
  private static final ProviderContext.Settings SETTINGS =
      name -> Optional.ofNullable(VALUES.get(name));

  @Test
  void logsMetricsAndPortForwardClientsAreBuiltOnTheirFirstUse() {
    FargateSettings s = FargateSettings.from(SETTINGS);
    RateLimitListener none = RateLimitListener.NONE;
    try (LazyClient<CloudWatchLogsClient> logs = AwsClients.logs(s, none);
        LazyClient<CloudWatchClient> cloudWatch =
            AwsClients.cloudWatch(s, MetricsSettings.from(SETTINGS), none);
        LazyClient<SsmClient> ssm = AwsClients.ssm(s, PortForwardSettings.from(SETTINGS), none)) {
      assertThat(List.of(logs, cloudWatch, ssm)).noneMatch(LazyClient::built);

      // Built for the service and the endpoint the settings name.
      assertThat(ssm.get().serviceName()).isEqualTo("ssm");
      assertThat(ssm.get().serviceClientConfiguration().endpointOverride())
          .contains(URI.create("http://127.0.0.1:9"));
      assertThat(logs.get().serviceName()).isEqualTo("logs");
      assertThat(cloudWatch.get().serviceName()).isEqualTo("monitoring");
      assertThat(List.of(logs, cloudWatch, ssm)).allMatch(LazyClient::built);
    }
  }
}
