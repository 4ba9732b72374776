/**
 * The Node object and its Lease: the template the node registers, the controller that keeps its
 * status current, and the lease heartbeat.
 */
package dev.vk.node.nodeobject;
