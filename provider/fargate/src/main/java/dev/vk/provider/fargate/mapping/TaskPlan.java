package dev.vk.provider.fargate.mapping;

import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.TaskOverride;

/**
 * What the provider will ask ECS for one pod.
 *
 * @param family the content-addressed family (see {@link FamilyNames#family})
 * @param registration the RegisterTaskDefinition request, family included
 * @param size the Fargate size, also reported as the CapacityProvisioned annotation
 * @param capacityProvider FARGATE or FARGATE_SPOT
 * @param overrides RunTask overrides carrying the pod's own volume files, if it has any
 */
public record TaskPlan(
    String family,
    RegisterTaskDefinitionRequest registration,
    TaskSize size,
    String capacityProvider,
    Optional<TaskOverride> overrides) {}
