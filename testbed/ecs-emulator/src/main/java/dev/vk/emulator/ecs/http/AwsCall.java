package dev.vk.emulator.ecs.http;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One decoded awsJson 1.1 request travelling down the pipeline.
 *
 * @param service which API the target named
 * @param operation operation name without prefix, e.g. {@code RunTask}
 * @param body the JSON request members
 * @param requestId echoed as {@code x-amzn-RequestId}
 * @param keepAlive whether the HTTP connection stays open after the response
 * @param startNanos {@link System#nanoTime()} at decode, for the call timeline
 */
public record AwsCall(
    AwsService service,
    String operation,
    ObjectNode body,
    String requestId,
    boolean keepAlive,
    long startNanos) {}
