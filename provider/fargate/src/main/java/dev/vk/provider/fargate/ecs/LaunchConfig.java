package dev.vk.provider.fargate.ecs;

import java.util.List;

/**
 * The node-level RunTask inputs.
 *
 * @param cluster ECS cluster
 * @param subnets awsvpc subnets
 * @param securityGroups awsvpc security groups
 * @param assignPublicIp ENABLED or DISABLED
 * @param platformVersion Fargate platform version
 * @param startedBy this node's identity (at most 36 characters)
 * @param nodeName the Kubernetes node name, for the tag
 * @param clusterId the Kubernetes cluster, for the tag
 */
public record LaunchConfig(
    String cluster,
    List<String> subnets,
    List<String> securityGroups,
    boolean assignPublicIp,
    String platformVersion,
    String startedBy,
    String nodeName,
    String clusterId) {}
