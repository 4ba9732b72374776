package dev.vk.emulator.ecs.http;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One AWS API operation: request members in, response members out, or an {@link AwsException}. */
@FunctionalInterface
public interface Operation {
  ObjectNode handle(ObjectNode request);
}
