/**
 * Pod spec to ECS task definition: containers, resources and task size, volumes and files, health
 * checks and admission of what Fargate cannot run.
 */
package dev.vk.provider.fargate.mapping;
