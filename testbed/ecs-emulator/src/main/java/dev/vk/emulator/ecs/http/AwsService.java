package dev.vk.emulator.ecs.http;

import java.util.Optional;

/**
 * The AWS services the emulator speaks, told apart by the X-Amz-Target prefix (awsJson) or the
 * {@code /service/<name>/operation/<op>} path (Smithy RPC v2 CBOR, CloudWatch).
 */
public enum AwsService {
  ECS("AmazonEC2ContainerServiceV20141113", "com.amazonaws.ecs"),
  LOGS("Logs_20140328", "com.amazonaws.logs"),
  CLOUDWATCH("GraniteServiceVersion20100801", "com.amazonaws.cloudwatch"),
  SSM("AmazonSSM", "com.amazonaws.ssm");

  private final String targetPrefix;
  private final String errorNamespace;

  AwsService(String targetPrefix, String errorNamespace) {
    this.targetPrefix = targetPrefix;
    this.errorNamespace = errorNamespace;
  }

  /** The Smithy service name, as in an RPC v2 path. */
  public String serviceName() {
    return targetPrefix;
  }

  /** Namespace put before {@code #} in an error's {@code __type}. */
  public String errorNamespace() {
    return errorNamespace;
  }

  /** Finds the service whose target prefix starts {@code target} ({@code Prefix.Operation}). */
  public static Optional<AwsService> forTarget(String target) {
    for (AwsService service : values()) {
      if (target.startsWith(service.targetPrefix + ".")) {
        return Optional.of(service);
      }
    }
    return Optional.empty();
  }

  /** The operation part of {@code target}. */
  public String operationOf(String target) {
    return target.substring(targetPrefix.length() + 1);
  }
}
