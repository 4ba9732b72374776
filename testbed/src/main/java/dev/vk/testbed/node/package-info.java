/**
 * The virtual kubelet node as a process for E2E tests, with its identity and the mock cloud it runs
 * against.
 */
package dev.vk.testbed.node;
