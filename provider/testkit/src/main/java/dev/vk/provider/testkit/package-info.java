/**
 * The provider contract kit: {@link dev.vk.provider.testkit.AbstractProviderContractTest} is the
 * one suite every provider passes (the mock directly, cloud providers against their emulators), and
 * {@link dev.vk.provider.testkit.Pods} builds the pods tests hand to a provider.
 */
package dev.vk.provider.testkit;
