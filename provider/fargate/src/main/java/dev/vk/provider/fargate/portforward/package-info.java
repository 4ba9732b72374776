/**
 * {@code kubectl port-forward} to Fargate pods: the pod's task is checked, then each connection
 * goes either straight to the task's ENI address or through an SSM port session.
 */
package dev.vk.provider.fargate.portforward;
