package dev.vk.benchmarks;

import dev.vk.provider.PodLifecycle;
import io.kubernetes.client.openapi.models.V1Pod;
import java.util.Map;

/** One provider running against its emulator, as the benchmark drives and measures it. */
interface Cloud extends AutoCloseable {

  /**
   * A provider as the node builds it: with the default status settings, or (for seeding) with
   * status settings that report new pods at once.
   */
  PodLifecycle provider(boolean fastStatus);

  /** Calls the emulator answered since the last reset, by operation. */
  Map<String, Integer> calls();

  void resetCalls();

  /**
   * Finds the pod at the cloud and returns what makes its container exit behind the provider's
   * back, as a crash would; the finding (which may cost calls) happens before the clock starts.
   */
  Runnable crasher(V1Pod pod) throws Exception;

  /** What the reference (Go) provider spends per pod per minute on status polling. */
  int referenceCallsPerPodPerMinute();

  String referenceModel();

  @Override
  void close();
}
