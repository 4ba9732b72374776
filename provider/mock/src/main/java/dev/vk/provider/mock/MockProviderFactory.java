package dev.vk.provider.mock;

import dev.vk.provider.PodLifecycle;
import dev.vk.provider.ProviderContext;
import dev.vk.provider.ProviderFactory;
import java.util.Set;

/**
 * Makes the {@code mock} provider, an {@link InMemoryProvider}. Settings: {@code state-file},
 * {@code start-delay}, {@code cpu}, {@code memory}, {@code pods}.
 */
public final class MockProviderFactory implements ProviderFactory {

  @Override
  public String name() {
    return "mock";
  }

  @Override
  public Set<String> settingNames() {
    return MockSettings.NAMES;
  }

  /** Loads the state file when one is set, so it may block on disk I/O. */
  @Override
  public PodLifecycle create(ProviderContext context) {
    return new InMemoryProvider(context);
  }
}
