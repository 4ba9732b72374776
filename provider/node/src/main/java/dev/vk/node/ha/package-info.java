/**
 * High availability: replicas of one node elect a leader through a coordination.k8s.io Lease; only
 * the leader runs the node, and every write it makes (API server or cloud) passes one gate, {@link
 * dev.vk.node.ha.Leadership}, that closes by the leader's own monotonic clock before any follower
 * can take the lease over.
 */
package dev.vk.node.ha;
