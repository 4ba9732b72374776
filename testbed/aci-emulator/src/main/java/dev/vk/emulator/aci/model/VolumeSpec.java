package dev.vk.emulator.aci.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A declared volume: its name and which source kinds it sets.
 *
 * @param name volume name
 * @param kinds the source properties present, e.g. {@code emptyDir}
 */
public record VolumeSpec(String name, List<String> kinds) {

  /** The volume sources ACI's 2023-05-01 API knows. */
  public static final Set<String> SUPPORTED = Set.of("azureFile", "emptyDir", "secret", "gitRepo");

  static VolumeSpec parse(JsonNode volume) {
    List<String> kinds = new ArrayList<>();
    // The Azure SDK writes unset sources as null ("emptyDir": null); ARM treats null as absent.
    volume
        .fieldNames()
        .forEachRemaining(
            f -> {
              if (!volume.get(f).isNull()) {
                kinds.add(f);
              }
            });
    kinds.remove("name");
    return new VolumeSpec(volume.path("name").asText(null), kinds);
  }
}
