package dev.vk.kubeletapi.stream;

import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * What every streaming session needs from the server configuration.
 *
 * @param blocking runs the caller's functions, which may block
 * @param idleTimeout how long an upgraded connection may stay silent
 * @param creationTimeout how long the client may take to open its streams
 */
public record StreamSettings(Executor blocking, Duration idleTimeout, Duration creationTimeout) {}
