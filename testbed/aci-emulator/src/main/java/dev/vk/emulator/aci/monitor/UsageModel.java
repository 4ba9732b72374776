package dev.vk.emulator.aci.monitor;

import dev.vk.emulator.aci.model.ContainerSpec;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Plausible usage of one running container in one minute, a pure function of the group, the
 * container and the minute: CPU is a share (5 to 30 %) of the container's request that swings by up
 * to 60 % from minute to minute; memory is a working set of 64 to 256 MiB (at most 80 % of the
 * request) that moves by at most 1 %.
 */
final class UsageModel {

  static final long MIB = 1024L * 1024L;

  private UsageModel() {}

  /** Millicores averaged over the minute {@code minute} (epoch minutes); never below 1. */
  static double cpuMillicores(String groupId, ContainerSpec container, long minute) {
    double seed = fraction(groupId, container.name());
    double cores = container.cpu() == null ? 1.0 : container.cpu();
    double share = 0.05 + 0.25 * seed;
    double swing = 1 + 0.6 * Math.sin(minute * 0.7 + seed * 2 * Math.PI);
    return Math.max(1, Math.round(cores * 1000 * share * swing * 100) / 100.0);
  }

  /** Working-set bytes averaged over the minute {@code minute}. */
  static double memoryBytes(String groupId, ContainerSpec container, long minute) {
    double seed = fraction(groupId, container.name() + "/memory");
    double requested = (container.memoryInGb() == null ? 1.5 : container.memoryInGb()) * 1e9;
    double base = Math.min(64 * MIB + seed * 192 * MIB, requested * 0.8);
    return Math.floor(base * (1 + 0.01 * Math.sin(minute * 0.3 + seed * 2 * Math.PI)));
  }

  private static double fraction(String groupId, String name) {
    CRC32 crc = new CRC32();
    crc.update(
        (groupId.toLowerCase(java.util.Locale.ROOT) + "|" + name).getBytes(StandardCharsets.UTF_8));
    return (crc.getValue() % 10_000) / 10_000.0;
  }
}
