package dev.vk.provider.fargate;

import dev.vk.provider.KubernetesAccess;
import dev.vk.provider.PodLifecycle;
import dev.vk.provider.ProviderContext;
import dev.vk.provider.ProviderFactory;
import dev.vk.provider.RateLimitListener;
import dev.vk.provider.fargate.config.AwsClients;
import dev.vk.provider.fargate.config.FargateSettings;
import dev.vk.provider.fargate.config.LazyClient;
import dev.vk.provider.fargate.config.MetricsSettings;
import dev.vk.provider.fargate.config.PortForwardSettings;
import dev.vk.provider.fargate.ecs.EcsHealth;
import dev.vk.provider.fargate.ecs.LaunchConfig;
import dev.vk.provider.fargate.ecs.RunTaskLimiter;
import dev.vk.provider.fargate.exec.EcsExec;
import dev.vk.provider.fargate.exec.SsmPortSessions;
import dev.vk.provider.fargate.logs.CloudWatchLogs;
import dev.vk.provider.fargate.mapping.FamilyNames;
import dev.vk.provider.fargate.mapping.MappingConfig;
import dev.vk.provider.fargate.mapping.TaskDefinitionMapper;
import dev.vk.provider.fargate.metrics.InsightsMetrics;
import dev.vk.provider.fargate.pods.PodEngine;
import dev.vk.provider.fargate.portforward.FargatePortForward;
import dev.vk.provider.identity.ClusterId;
import dev.vk.provider.identity.IdentityPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/** Makes the {@code fargate} provider. Settings: see {@link FargateSettings#NAMES}. */
public final class FargateProviderFactory implements ProviderFactory {

  @Override
  public String name() {
    return "fargate";
  }

  @Override
  public Set<String> settingNames() {
    return Stream.concat(FargateSettings.NAMES.stream(), PortForwardSettings.NAMES.stream())
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Validates the settings and builds the clients. Does not call AWS: the first pod call adopts
   * this node's ECS tasks, and {@code ping} checks the cluster.
   *
   * @throws IllegalArgumentException one line naming the invalid setting
   */
  @Override
  public PodLifecycle create(ProviderContext context) {
    FargateSettings s = FargateSettings.from(context.settings());
    PortForwardSettings portForward = PortForwardSettings.from(context.settings());
    MetricsSettings metrics = MetricsSettings.from(context.settings());
    // Before any tag is written: an id that cannot be had is a startup error, not a guess.
    String clusterId =
        ClusterId.resolve("fargate-cluster-id", s.clusterId(), context.kubernetes(), "kubernetes");
    return create(
        context.nodeName(),
        clusterId,
        s,
        AwsClients.ecs(s, context.rateLimits()),
        AwsClients.logs(s, context.rateLimits()),
        AwsClients.cloudWatch(s, metrics, context.rateLimits()),
        metrics,
        context.kubernetes(),
        Clock.systemUTC(),
        context.rateLimits(),
        portForward,
        AwsClients.ssm(s, portForward, context.rateLimits()));
  }

  /**
   * @param rateLimits hears the RunTask limiter's waits, for the node's metrics
   * @param portForward how port-forward reaches tasks
   * @param ssm the Systems Manager client of port-forward sessions
   */
  static FargateProvider create(
      String nodeName,
      String clusterId,
      FargateSettings s,
      EcsClient ecs,
      LazyClient<CloudWatchLogsClient> logsClient,
      LazyClient<CloudWatchClient> cloudWatch,
      MetricsSettings metrics,
      KubernetesAccess kubernetes,
      Clock clock,
      RateLimitListener rateLimits,
      PortForwardSettings portForward,
      LazyClient<SsmClient> ssm) {
    String startedBy = FamilyNames.startedBy(nodeName);
    MappingConfig mapping =
        new MappingConfig(
            startedBy,
            s.region(),
            s.logGroup(),
            s.logStreamPrefix(),
            s.executionRoleArn(),
            s.taskRoleArn(),
            s.capacityProvider(),
            s.volumeImage(),
            clusterId,
            new IdentityPolicy(
                "fargate-identity-allowlist",
                s.identityAllowlist(),
                s.taskRoleArn().map(Set::of).orElse(Set.of())));
    LaunchConfig launch =
        new LaunchConfig(
            s.cluster(),
            s.subnets(),
            s.securityGroups(),
            s.assignPublicIp(),
            s.platformVersion(),
            startedBy,
            nodeName,
            clusterId);
    PodEngine engine =
        new PodEngine(
            ecs,
            launch,
            new TaskDefinitionMapper(mapping),
            new RunTaskLimiter(s.runTaskRate(), rateLimits),
            s.statusInterval(),
            s.transitionInterval(),
            kubernetes,
            clock);
    Duration follow =
        s.transitionInterval().compareTo(Duration.ofSeconds(1)) < 0
            ? s.transitionInterval()
            : Duration.ofSeconds(1);
    CloudWatchLogs logs =
        new CloudWatchLogs(
            logsClient, engine.pods(), s.logGroup(), s.logStreamPrefix(), follow, clock);
    return new FargateProvider(
        ecs,
        logsClient,
        new EcsHealth(ecs, s.cluster(), clock),
        s.capacity(),
        engine,
        logs,
        new EcsExec(ecs, s.cluster(), engine.pods(), clock),
        new FargatePortForward(engine.pods(), portForward.path(), new SsmPortSessions(ssm, clock)),
        new InsightsMetrics(cloudWatch, engine.pods(), metrics.freshness(), clock));
  }
}
