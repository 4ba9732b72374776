/**
 * What the node reports about itself to the kubelet that runs it: named liveness and readiness
 * checks, and the plain-HTTP server that answers the probes and serves metrics.
 */
package dev.vk.node.health;
