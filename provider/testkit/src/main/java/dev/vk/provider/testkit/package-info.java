/**
 * The one kit every provider's tests share. Suites: {@link
 * dev.vk.provider.testkit.AbstractProviderContractTest} (the pod lifecycle) and {@link
 * dev.vk.provider.testkit.AbstractLogsExecCompatibilityTest} (logs and exec), which the mock passes
 * directly and the cloud providers against their emulators. Fixtures: {@link
 * dev.vk.provider.testkit.EmulatorExtension} runs an emulator per class or per test, {@link
 * dev.vk.provider.testkit.Pods} builds pods, {@link dev.vk.provider.testkit.TestStreams} fakes a
 * kubectl stream, {@link dev.vk.provider.testkit.NoopPodLifecycle} is a provider that does nothing,
 * and {@link dev.vk.provider.testkit.SettingsDocs} checks settings tables against the code.
 */
package dev.vk.provider.testkit;
