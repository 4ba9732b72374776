package dev.vk.provider.settings;

import dev.vk.provider.ProviderContext;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * A settings source that also hears each default a {@link SettingReader} falls back to, so that a
 * test can compare the code's defaults with the documented ones.
 */
public interface ObservedSettings extends ProviderContext.Settings {

  /** Called when setting {@code name} is unset and the reader returns {@code fallback}. */
  void defaulted(String name, Object fallback);

  /** {@code source}, reporting defaults to {@code observer}. */
  static ObservedSettings of(ProviderContext.Settings source, BiConsumer<String, Object> observer) {
    return new ObservedSettings() {
      @Override
      public Optional<String> get(String name) {
        return source.get(name);
      }

      @Override
      public void defaulted(String name, Object fallback) {
        observer.accept(name, fallback);
      }
    };
  }
}
