package dev.vk.provider.fargate.mapping;

import java.util.Optional;

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
 */
public record MappingConfig(
    String nodeIdentity,
    String region,
    Optional<String> logGroup,
    String logStreamPrefix,
    Optional<String> executionRoleArn,
    Optional<String> defaultTaskRoleArn,
    String defaultCapacityProvider) {}
