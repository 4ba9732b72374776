package dev.vk.emulator.ecs.state;

import java.util.Locale;
import java.util.OptionalInt;

/**
 * Fargate's valid task cpu/memory combinations (Linux, up to 16 vCPU) and the parsing of the string
 * forms ECS accepts ({@code "1024"}, {@code "1 vCPU"}, {@code "2 GB"}).
 */
public final class FargateSizes {
  private FargateSizes() {}

  /** Whether {@code cpu} units and {@code memory} MiB form a size Fargate can launch. */
  public static boolean isValid(int cpu, int memory) {
    return switch (cpu) {
      case 256 -> memory == 512 || memory == 1024 || memory == 2048;
      case 512 -> inSteps(memory, 1024, 4096, 1024);
      case 1024 -> inSteps(memory, 2048, 8192, 1024);
      case 2048 -> inSteps(memory, 4096, 16384, 1024);
      case 4096 -> inSteps(memory, 8192, 30720, 1024);
      case 8192 -> inSteps(memory, 16384, 61440, 4096);
      case 16384 -> inSteps(memory, 32768, 122880, 8192);
      default -> false;
    };
  }

  private static boolean inSteps(int value, int min, int max, int step) {
    return value >= min && value <= max && (value - min) % step == 0;
  }

  /** CPU units from {@code "512"} or {@code "0.5 vCPU"}; empty when unparseable. */
  public static OptionalInt parseCpu(String text) {
    return parse(text, "VCPU", 1024);
  }

  /** Memory MiB from {@code "2048"} or {@code "2 GB"}; empty when unparseable. */
  public static OptionalInt parseMemory(String text) {
    return parse(text, "GB", 1024);
  }

  private static OptionalInt parse(String text, String unit, int unitScale) {
    if (text == null) {
      return OptionalInt.empty();
    }
    String normalized = text.trim().toUpperCase(Locale.ROOT).replace(" ", "");
    try {
      if (normalized.endsWith(unit)) {
        double units =
            Double.parseDouble(normalized.substring(0, normalized.length() - unit.length()));
        return OptionalInt.of((int) Math.round(units * unitScale));
      }
      return OptionalInt.of(Integer.parseInt(normalized));
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }
}
