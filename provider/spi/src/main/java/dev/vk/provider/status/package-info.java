/**
 * Pod status helpers shared by the node and every provider's status mapper, so that {@code kubectl
 * describe pod} reads the same whichever provider runs the pod.
 */
package dev.vk.provider.status;
