/**
 * kubectl exec and the port-forward transport over ECS Exec: SSM data channel sessions, their
 * framing and the stdin/stdout pumps.
 */
package dev.vk.provider.fargate.exec;
