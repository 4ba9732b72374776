package dev.vk.emulator.ecs.http;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The operations each service answers, by name. Filled once at start-up, then read-only. */
public final class OperationRegistry {
  private final Map<AwsService, Map<String, Operation>> operations =
      new EnumMap<>(AwsService.class);

  public OperationRegistry add(AwsService service, String name, Operation operation) {
    operations.computeIfAbsent(service, s -> new HashMap<>()).put(name, operation);
    return this;
  }

  public Optional<Operation> find(AwsService service, String name) {
    return Optional.ofNullable(operations.getOrDefault(service, Map.of()).get(name));
  }
}
