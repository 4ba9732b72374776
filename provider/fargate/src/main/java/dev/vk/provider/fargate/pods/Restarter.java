package dev.vk.provider.fargate.pods;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.fargate.ecs.TaskLauncher;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Honours restartPolicy Always and OnFailure, which ECS cannot: a stopped task is replaced by a new
 * task of the same definition, counted as a restart. Replacements run on their own executor so a
 * wait for the RunTask limiter never delays the task poller; at most one per pod is in flight, and
 * the clientToken (pod UID and restart number) makes a retried replacement return the same task.
 */
final class Restarter {
  private static final Logger log = LoggerFactory.getLogger(Restarter.class);
  private final TaskLauncher launcher;
  private final Executor executor;
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

  Restarter(TaskLauncher launcher, Executor executor) {
    this.launcher = launcher;
    this.executor = executor;
  }

  /** Starts the replacement of the record's stopped task unless one is already under way. */
  void replace(PodRecord record) {
    if (!inFlight.add(record.uid())) {
      return;
    }
    executor.execute(
        () -> {
          try {
            Task stopped = record.task().orElseThrow();
            Task replacement =
                launcher.launch(
                    record.pod(),
                    stopped.taskDefinitionArn(),
                    stopped.capacityProviderName() == null
                        ? "FARGATE"
                        : stopped.capacityProviderName(),
                    record.restarts() + 1,
                    // The same per-pod volume files (token included) as the stopped task.
                    TaskLauncher.carriedOverrides(stopped));
            record.replaced(replacement);
            // Deleted while the replacement was starting: do not leave it running (unless the
            // delete already stopped it).
            DeleteStop.stop(record, record.claimDeleteStop(), launcher, "Pod deleted");
          } catch (ProviderException e) {
            log.warn(
                "Replacing the task of pod {} failed; retrying next sync: {}",
                record.uid(),
                e.getMessage());
          } finally {
            inFlight.remove(record.uid());
          }
        });
  }
}
