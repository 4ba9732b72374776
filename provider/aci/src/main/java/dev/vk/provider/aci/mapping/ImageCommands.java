package dev.vk.provider.aci.mapping;

import com.azure.resourcemanager.containerinstance.models.ImageRegistryCredential;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.aci.registry.Entrypoints;
import dev.vk.provider.aci.registry.ImageRef;
import io.kubernetes.client.openapi.models.V1Container;
import java.util.ArrayList;
import java.util.List;

/**
 * A container's ACI {@code command}. ACI has one exec-form command that replaces both the image's
 * ENTRYPOINT and CMD, so: Kubernetes' command ++ args; no command and no args: none (the image's
 * own); args only: the image's ENTRYPOINT (read from its registry) ++ args, which is what a kubelet
 * runs, or a refusal naming the field when the entrypoint cannot be known.
 */
final class ImageCommands {

  private final Entrypoints entrypoints;
  private final List<ImageRegistryCredential> credentials;

  ImageCommands(Entrypoints entrypoints, List<ImageRegistryCredential> credentials) {
    this.entrypoints = entrypoints;
    this.credentials = credentials;
  }

  /** The command, or null for the image's own. May block on the registry for args only. */
  List<String> command(String field, V1Container c) throws ProviderException {
    boolean hasCommand = c.getCommand() != null && !c.getCommand().isEmpty();
    boolean hasArgs = c.getArgs() != null && !c.getArgs().isEmpty();
    if (!hasCommand && !hasArgs) {
      return null;
    }
    List<String> command = new ArrayList<>();
    if (hasCommand) {
      command.addAll(c.getCommand());
    } else {
      try {
        command.addAll(entrypoints.of(ImageRef.parse(c.getImage()), credentials));
      } catch (ProviderException e) {
        throw new ProviderException(
            e.kind(),
            field
                + ".args: ACI replaces the image's entrypoint too, so args without command needs"
                + " the entrypoint of "
                + c.getImage()
                + ", which is unknown: "
                + e.getMessage()
                + "; set command as well",
            e);
      }
    }
    if (hasArgs) {
      command.addAll(c.getArgs());
    }
    return command;
  }
}
