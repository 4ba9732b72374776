/**
 * Environment resolution shared by all providers: what a kubelet does to a pod's environment before
 * it starts the containers.
 *
 * <p>Cloud container services take a flat list of name/value pairs; they know nothing of
 * ConfigMaps, Secrets, the downward API or service links. {@link dev.vk.podenv.EnvironmentResolver}
 * turns a pod into a deep copy in which every init, regular and ephemeral container has a flat
 * {@code env} (no {@code valueFrom}, {@code envFrom} cleared) and {@code command}/{@code args} with
 * {@code $(VAR)} references expanded.
 *
 * <p>The rules follow the kubelet ({@code makeEnvironmentVariables}, {@code envvars.FromServices},
 * the forked {@code expansion} package): service link variables come first, then {@code envFrom}
 * sources in order, then {@code env} entries, a later definition replacing an earlier one in place.
 * Problems are reported the way virtual-kubelet reports them, as Warning events with its reasons; a
 * missing mandatory reference makes {@link dev.vk.podenv.Resolution#failure()} non-empty, and the
 * pod must then not be started.
 *
 * <p>Objects are read through {@link dev.vk.podenv.ObjectLookup}, which the node implements with
 * API calls (or informer caches); {@link dev.vk.podenv.InMemoryObjectLookup} is a stateful fake for
 * tests.
 */
package dev.vk.podenv;
