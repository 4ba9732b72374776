/**
 * A real control plane for E2E tests: kube-apiserver process, kubectl commands, metrics-server and
 * readiness watches, behind a JUnit extension.
 */
package dev.vk.testbed.cluster;
