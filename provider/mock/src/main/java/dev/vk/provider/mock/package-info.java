/**
 * The {@code mock} provider: {@link dev.vk.provider.mock.InMemoryProvider} simulates pods as a
 * function of time, optionally persisted to a state file so that they outlive the node process.
 * Status computation ({@code PodStatusCalculator}, {@code RunCycle}, {@code ContainerRuns}) is kept
 * apart from bookkeeping so that the kubelet API abilities (logs, exec, attach, port-forward,
 * stats) read the same timeline.
 */
package dev.vk.provider.mock;
