/**
 * The {@code mock} provider: {@link dev.vk.provider.mock.InMemoryProvider} simulates pods as a
 * function of time, optionally persisted to a state file so that they outlive the node process.
 * Status computation ({@code PodStatusCalculator}, {@code RunCycle}) is kept apart from bookkeeping
 * so that later abilities (logs, exec, stats) can read the same timeline.
 */
package dev.vk.provider.mock;
