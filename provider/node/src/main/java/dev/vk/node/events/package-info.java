/**
 * Kubernetes Events the node records about pods, sent off the caller's thread by a bounded executor
 * that drops the oldest when full.
 */
package dev.vk.node.events;
