/**
 * ECS task state to Kubernetes pod status: phases, container states, restarts with back-off and
 * liveness failures.
 */
package dev.vk.provider.fargate.status;
