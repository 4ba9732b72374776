package dev.vk.provider.fargate.config;

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
        quantity(r, "cpu", "1000"),
        quantity(r, "memory", "4000Gi"),
        quantity(r, "pods", "1000"),
        quantity(r, "ephemeral-storage", "40Ti"));
  }

  /** The capacity as node status resources. */
  public Map<String, Quantity> asResources() {
    return Map.of("cpu", cpu, "memory", memory, "pods", pods, "ephemeral-storage", storage);
  }

  private static Quantity quantity(SettingReader r, String name, String fallback) {
    String text = r.string(name, fallback);
    try {
      Quantity q = Quantity.fromString(text);
      if (q.getNumber().signum() > 0) {
        return q;
      }
    } catch (RuntimeException e) { // QuantityFormatException
      // Falls through to the one-line message below.
    }
    throw SettingReader.invalid(name, "must be a positive Kubernetes quantity, not '" + text + "'");
  }
}
