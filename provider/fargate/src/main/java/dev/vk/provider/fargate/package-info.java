/**
 * AWS Fargate (ECS) provider entry points: the factory the node loads and the provider that runs
 * each pod as an ECS task.
 */
package dev.vk.provider.fargate;
