package dev.vk.emulator.ecs.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vk.emulator.ecs.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Task definition revisions by family. Guarded by the {@link EcsState} lock. */
public final class TaskDefinitions {
  private final Arns arns;
  private final String registeredBy;
  private final Map<String, List<TaskDefinition>> families = new LinkedHashMap<>();

  public TaskDefinitions(Arns arns, String accountId) {
    this.arns = arns;
    this.registeredBy = "arn:aws:iam::" + accountId + ":root";
  }

  /** Stores a validated definition as the family's next revision. */
  public TaskDefinition register(
      TaskDefinitionParser.Parsed parsed, Map<String, String> tags, Instant now) {
    List<TaskDefinition> revisions =
        families.computeIfAbsent(parsed.family(), family -> new ArrayList<>());
    int revision = revisions.size() + 1;
    String arn = arns.taskDefinition(parsed.family(), revision);
    ObjectNode description = parsed.description();
    description.put("taskDefinitionArn", arn);
    description.put("family", parsed.family());
    description.put("revision", revision);
    description.put("registeredAt", Json.epochSeconds(now));
    description.put("registeredBy", registeredBy);
    TaskDefinition definition =
        new TaskDefinition(
            arn,
            parsed.family(),
            revision,
            description,
            parsed.containers(),
            parsed.fargateCompatible(),
            tags);
    revisions.add(definition);
    return definition;
  }

  /**
   * Resolves {@code family}, {@code family:revision} or an ARN; a bare family means its latest
   * ACTIVE revision.
   */
  public Optional<TaskDefinition> find(String reference) {
    String ref = Arns.taskDefinitionRef(reference);
    int colon = ref.lastIndexOf(':');
    if (colon < 0) {
      List<TaskDefinition> revisions = families.getOrDefault(ref, List.of());
      for (int i = revisions.size() - 1; i >= 0; i--) {
        if (revisions.get(i).active()) {
          return Optional.of(revisions.get(i));
        }
      }
      return Optional.empty();
    }
    List<TaskDefinition> revisions = families.getOrDefault(ref.substring(0, colon), List.of());
    try {
      int revision = Integer.parseInt(ref.substring(colon + 1));
      return revision >= 1 && revision <= revisions.size()
          ? Optional.of(revisions.get(revision - 1))
          : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Every revision of every family, in registration order per family. */
  public List<TaskDefinition> all() {
    List<TaskDefinition> all = new ArrayList<>();
    families.values().forEach(all::addAll);
    return all;
  }
}
