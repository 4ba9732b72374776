package dev.vk.emulator.aci.exec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vk.emulator.aci.model.ContainerGroup;
import dev.vk.provider.mock.shell.MemoryFiles;
import dev.vk.provider.mock.shell.MountedFiles;
import dev.vk.provider.mock.shell.ShellFiles;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The files an exec session sees in a container: a base image's root with the group's volumes
 * mounted where the container's {@code volumeMounts} say. Secret volumes hold their decoded entries
 * and are read-only, as ACI mounts them; emptyDir volumes start empty and are shared by the group's
 * containers and sessions for as long as the deployment lives. Azure File and gitRepo volumes are
 * mounted empty (their content lives outside the emulator).
 */
public final class GroupVolumes {
  private static final List<String> ROOT =
      List.of("bin", "dev", "etc", "home", "lib", "proc", "root", "sys", "tmp", "usr", "var");

  // Keyed by group id and deployment, so a redeployed group starts with fresh volumes.
  private final Map<String, Map<String, MemoryFiles>> byDeployment = new ConcurrentHashMap<>();

  /** The view of container {@code name} of {@code group}. */
  public ShellFiles view(ContainerGroup group, String name) {
    String deployment = group.id() + "@" + group.deployedAt();
    // Only exec'd groups have entries; an earlier deployment's volumes are gone with it.
    byDeployment.keySet().removeIf(k -> k.startsWith(group.id() + "@") && !k.equals(deployment));
    Map<String, MemoryFiles> volumes =
        byDeployment.computeIfAbsent(deployment, k -> create(group.body()));
    List<MountedFiles.Mount> mounts = new ArrayList<>();
    for (JsonNode container : group.body().path("properties").path("containers")) {
      if (!name.equals(container.path("name").asText())) {
        continue;
      }
      for (JsonNode mount : container.path("properties").path("volumeMounts")) {
        MemoryFiles volume = volumes.get(mount.path("name").asText());
        if (volume != null) {
          boolean secret = secretVolume(group.body(), mount.path("name").asText());
          mounts.add(
              new MountedFiles.Mount(
                  mount.path("mountPath").asText(),
                  volume,
                  secret || mount.path("readOnly").asBoolean(false)));
        }
      }
    }
    return new MountedFiles(MemoryFiles.withDirectories(ROOT), mounts);
  }

  private static Map<String, MemoryFiles> create(JsonNode body) {
    Map<String, MemoryFiles> volumes = new ConcurrentHashMap<>();
    for (JsonNode volume : body.path("properties").path("volumes")) {
      MemoryFiles tree = new MemoryFiles();
      JsonNode secret = volume.path("secret");
      if (secret.isObject()) {
        ShellFiles writer = new MountedFiles(tree, List.of());
        for (Iterator<String> it = secret.fieldNames(); it.hasNext(); ) {
          String file = it.next();
          try {
            writer.write("/" + file, Base64.getDecoder().decode(secret.path(file).asText("")));
          } catch (ShellFiles.Failure | IllegalArgumentException e) {
            // ACI validated the names and values at PUT; an odd entry is simply not mounted.
          }
        }
      }
      volumes.put(volume.path("name").asText(), tree);
    }
    return volumes;
  }

  private static boolean secretVolume(JsonNode body, String name) {
    for (JsonNode volume : body.path("properties").path("volumes")) {
      if (name.equals(volume.path("name").asText())) {
        return volume.path("secret").isObject();
      }
    }
    return false;
  }
}
