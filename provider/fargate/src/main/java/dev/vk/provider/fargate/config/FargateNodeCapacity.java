package dev.vk.provider.fargate.config;

import dev.vk.provider.settings.SettingReader;
import io.kubernetes.client.custom.Quantity;
import java.util.Map;

/**
 * What the virtual node advertises. Fargate has no node-level limit other than the account's vCPU
 * quota, so the defaults are large enough never to be the reason a pod is not scheduled: 1000 CPU,
 * 4000Gi memory, 1000 pods (the pod count the status cost model is sized for), 40Ti storage.
 */
public record FargateNodeCapacity(Quantity cpu, Quantity memory, Quantity pods, Quantity storage) {

  static FargateNodeCapacity from(SettingReader r) {
    return new FargateNodeCapacity(
        r.positiveQuantity("cpu", "1000"),
        r.positiveQuantity("memory", "4000Gi"),
        r.positiveQuantity("pods", "1000"),
        r.positiveQuantity("ephemeral-storage", "40Ti"));
  }

  /** The capacity as node status resources. */
  public Map<String, Quantity> asResources() {
    return Map.of("cpu", cpu, "memory", memory, "pods", pods, "ephemeral-storage", storage);
  }
}
