package dev.vk.provider.fargate.mapping;

import dev.vk.provider.identity.IdentityAllowlist;
import dev.vk.provider.identity.IdentityPolicy;
import java.util.Optional;
import java.util.Set;

/**
 * The node-level inputs of the pod mapping.
 *
 * @param nodeIdentity the node's startedBy value, also the family prefix
 * @param region for the awslogs driver
 * @param logGroup awslogs group, or empty for no logs
 * @param logStreamPrefix awslogs stream prefix
 * @param executionRoleArn the execution role, needed for awslogs and private images
 * @param defaultTaskRoleArn the task role when the pod names none
 * @param defaultCapacityProvider FARGATE or FARGATE_SPOT
 * @param volumeImage the image of the container that writes configMap, secret, downwardAPI and
 *     projected volumes ({@link VolumeHelper}); it needs {@code sh}, {@code mkdir} and {@code
 *     base64}
 * @param clusterId the cluster the node belongs to, for ownership tags
 * @param identities decides the task role a pod's ServiceAccount asks for
 */
public record MappingConfig(
    String nodeIdentity,
    String region,
    Optional<String> logGroup,
    String logStreamPrefix,
    Optional<String> executionRoleArn,
    Optional<String> defaultTaskRoleArn,
    String defaultCapacityProvider,
    String volumeImage,
    String clusterId,
    IdentityPolicy identities) {

  /** A config whose pods get only the default task role (tests, tools). */
  public MappingConfig(
      String nodeIdentity,
      String region,
      Optional<String> logGroup,
      String logStreamPrefix,
      Optional<String> executionRoleArn,
      Optional<String> defaultTaskRoleArn,
      String defaultCapacityProvider,
      String volumeImage) {
    this(
        nodeIdentity,
        region,
        logGroup,
        logStreamPrefix,
        executionRoleArn,
        defaultTaskRoleArn,
        defaultCapacityProvider,
        volumeImage,
        "",
        new IdentityPolicy(
            "fargate-identity-allowlist",
            IdentityAllowlist.EMPTY,
            defaultTaskRoleArn.map(Set::of).orElse(Set.of())));
  }

  /** The default of the {@code fargate-volume-image} setting. */
  public static final String DEFAULT_VOLUME_IMAGE = "public.ecr.aws/docker/library/busybox:1.36";
}
