package dev.vk.provider.mock;

import dev.vk.provider.ProviderContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Provider contexts for tests: a fixed node and the given settings. */
final class Contexts {

  static final String NODE_IP = "192.0.2.10";

  private Contexts() {}

  /**
   * @param settings alternating names and values
   */
  static ProviderContext context(String... settings) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < settings.length; i += 2) {
      map.put(settings[i], settings[i + 1]);
    }
    return new ProviderContext("vk-test", NODE_IP, name -> Optional.ofNullable(map.get(name)));
  }
}
