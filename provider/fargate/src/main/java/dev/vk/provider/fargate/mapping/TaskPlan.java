package dev.vk.provider.fargate.mapping;

import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;

/**
 * What the provider will ask ECS for one pod.
 *
 * @param family the content-addressed family (see {@link FamilyNames#family})
 * @param registration the RegisterTaskDefinition request, family included
 * @param size the Fargate size, also reported as the CapacityProvisioned annotation
 * @param capacityProvider FARGATE or FARGATE_SPOT
 */
public record TaskPlan(
    String family,
    RegisterTaskDefinitionRequest registration,
    TaskSize size,
    String capacityProvider) {}
