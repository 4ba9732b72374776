package dev.vk.provider.fargate.pods;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.fargate.ecs.TaskLauncher;
import java.util.Optional;

/**
 * Stops the task of a deleted pod at most once: the delete and a replacement that started during it
 * both go through the record's claim, and only a failed StopTask gives the claim back.
 */
final class DeleteStop {
  private DeleteStop() {}

  /**
   * Stops the claimed task, if any. Blocks on ECS; idempotent per task.
   *
   * @param claim the task {@link PodRecord#claimDeleteStop()} or {@code markDeleting} handed out
   * @return the stopped task, if one was claimed
   */
  static Optional<String> stop(
      PodRecord record, Optional<String> claim, TaskLauncher launcher, String reason)
      throws ProviderException {
    if (claim.isPresent()) {
      try {
        launcher.stop(claim.get(), reason);
      } catch (ProviderException e) {
        record.releaseDeleteStop(claim.get());
        throw e;
      }
    }
    return claim;
  }
}
