package dev.vk.provider.fargate.config;

import dev.vk.provider.ProviderContext;
import dev.vk.provider.fargate.mapping.MappingConfig;
import dev.vk.provider.identity.IdentityAllowlist;
import dev.vk.provider.settings.SettingException;
import dev.vk.provider.settings.SettingReader;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The provider's validated settings. Users write {@code --fargate-<name>}, {@code
 * VK_FARGATE_<NAME>} or {@code fargate-<name>:}; the node hands them over without the prefix.
 *
 * @param region AWS region of the cluster, e.g. {@code us-east-1}
 * @param cluster ECS cluster name or ARN
 * @param subnets awsvpc subnets every task uses
 * @param securityGroups awsvpc security groups; empty means the VPC default
 * @param assignPublicIp whether tasks get a public IP (needed in public subnets without NAT)
 * @param executionRoleArn role ECS uses to pull images and write logs; required with a log group
 * @param taskRoleArn default role of the task's containers, overridable per pod
 * @param logGroup CloudWatch Logs group of the awslogs driver; empty disables logs
 * @param logStreamPrefix awslogs stream prefix: streams are {@code <prefix>/<container>/<task-id>}
 * @param platformVersion Fargate platform version passed to RunTask
 * @param capacityProvider default capacity provider, FARGATE or FARGATE_SPOT
 * @param ecsEndpoint endpoint override (emulator, VPC endpoint)
 * @param logsEndpoint endpoint override for CloudWatch Logs
 * @param staticCredentials access key pair for emulators and development only
 * @param clusterId identifies the Kubernetes cluster in task and task definition tags; empty means
 *     the kube-system namespace UID, read at startup
 * @param identityAllowlist which task roles the pods of a namespace or ServiceAccount may run as
 * @param statusInterval how often steady tasks are listed (bounds how late an exit is seen)
 * @param transitionInterval how often tasks that are starting or stopping are described
 * @param runTaskRate RunTask calls per second this node allows itself
 * @param maxAttempts SDK attempts per call (throttling and 5xx are retried with jittered backoff)
 * @param capacity the node capacity advertised to the scheduler
 * @param volumeImage image of the helper container that writes configMap, secret, downwardAPI and
 *     projected volumes (needs {@code sh}, {@code mkdir -p} and {@code base64 -d})
 */
public record FargateSettings(
    String region,
    String cluster,
    List<String> subnets,
    List<String> securityGroups,
    boolean assignPublicIp,
    Optional<String> executionRoleArn,
    Optional<String> taskRoleArn,
    Optional<String> logGroup,
    String logStreamPrefix,
    String platformVersion,
    String capacityProvider,
    Optional<URI> ecsEndpoint,
    Optional<URI> logsEndpoint,
    Optional<StaticKeys> staticCredentials,
    Optional<String> clusterId,
    IdentityAllowlist identityAllowlist,
    Duration statusInterval,
    Duration transitionInterval,
    double runTaskRate,
    int maxAttempts,
    FargateNodeCapacity capacity,
    String volumeImage) {

  /** An access key pair; only for emulators and development, production uses the default chain. */
  public record StaticKeys(String accessKeyId, String secretAccessKey) {
    @Override
    public String toString() {
      return "StaticKeys[" + accessKeyId + ", ***]";
    }
  }

  /** Every setting name, without the {@code fargate-} prefix. */
  public static final Set<String> NAMES =
      Set.of(
          "region",
          "cluster",
          "subnets",
          "security-groups",
          "assign-public-ip",
          "execution-role-arn",
          "task-role-arn",
          "log-group",
          "log-stream-prefix",
          "platform-version",
          "capacity-provider",
          "ecs-endpoint",
          "logs-endpoint",
          "access-key-id",
          "secret-access-key",
          "cluster-id",
          "identity-allowlist",
          "status-interval",
          "transition-interval",
          "run-task-rate",
          "max-attempts",
          "cpu",
          "memory",
          "pods",
          "ephemeral-storage",
          "volume-image",
          "metrics-freshness",
          "cloudwatch-endpoint");

  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
  private static final Pattern ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/.+");
  private static final String AWS_REGION = "an AWS region like us-east-1";
  private static final Pattern TAG_VALUE = Pattern.compile("[\\w .:/=+@-]{1,256}");

  /** What users write before each name ({@code --fargate-region}). */
  public static final String PREFIX = "fargate-";

  /** The reader of these settings, naming them as users write them. */
  static SettingReader reader(ProviderContext.Settings settings) {
    return new SettingReader(PREFIX, settings);
  }

  /**
   * Reads and checks every setting. Idempotent; never blocks.
   *
   * @throws SettingException naming the first invalid setting
   */
  public static FargateSettings from(ProviderContext.Settings settings) {
    SettingReader r = reader(settings);
    String region = r.required("region", AWS_REGION);
    if (!REGION.matcher(region).matches()) {
      throw r.invalid("region", region, AWS_REGION);
    }
    List<String> subnets = r.list("subnets");
    if (subnets.isEmpty()) {
      throw r.invalid("subnets", null, "comma-separated subnet IDs");
    }
    Optional<String> executionRole = role(r, "execution-role-arn");
    Optional<String> logGroup = r.optional("log-group");
    if (logGroup.isPresent() && executionRole.isEmpty()) {
      // Fargate refuses awslogs without an execution role: fail at startup.
      throw r.invalid("execution-role-arn", null, "an IAM role ARN when fargate-log-group is set");
    }
    Optional<String> clusterId = r.optional("cluster-id");
    if (clusterId.isPresent() && !TAG_VALUE.matcher(clusterId.get()).matches()) {
      throw r.invalid("cluster-id", clusterId.get(), "1-256 letters, digits, spaces or _.:/=+@-");
    }
    IdentityAllowlist allowlist =
        IdentityAllowlist.read(
            r, "identity-allowlist", v -> ARN.matcher(v).matches(), "an IAM role ARN");
    Optional<String> key = r.optional("access-key-id");
    Optional<String> secret = r.optional("secret-access-key");
    if (key.isPresent() != secret.isPresent()) {
      throw r.invalid(
          key.isPresent() ? "secret-access-key" : "access-key-id",
          null,
          "both keys of the pair (or neither, to use the default credential chain)");
    }
    return new FargateSettings(
        region,
        r.string("cluster", "default"),
        subnets,
        r.list("security-groups"),
        r.bool("assign-public-ip", false),
        executionRole,
        role(r, "task-role-arn"),
        logGroup,
        r.string("log-stream-prefix", "vk"),
        r.string("platform-version", "LATEST"),
        r.oneOf("capacity-provider", "FARGATE", "FARGATE", "FARGATE_SPOT"),
        r.url("ecs-endpoint", "https", "http"),
        r.url("logs-endpoint", "https", "http"),
        key.map(k -> new StaticKeys(k, secret.orElseThrow())),
        clusterId,
        allowlist,
        r.positiveDuration("status-interval", Duration.ofSeconds(25)),
        r.positiveDuration("transition-interval", Duration.ofSeconds(5)),
        r.positiveNumber("run-task-rate", 10),
        r.positiveInt("max-attempts", 6),
        FargateNodeCapacity.from(r),
        r.string("volume-image", MappingConfig.DEFAULT_VOLUME_IMAGE));
  }

  private static Optional<String> role(SettingReader r, String name) {
    return Optional.ofNullable(
        r.checked(name, null, v -> v, v -> ARN.matcher(v).matches(), "an IAM role ARN"));
  }
}
