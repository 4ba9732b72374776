/**
 * The provider's pod state: the registry of pod records and their tasks, the engine that creates,
 * adopts, restarts and deletes them, and the task poller that refreshes them from ECS.
 */
package dev.vk.provider.fargate.pods;
