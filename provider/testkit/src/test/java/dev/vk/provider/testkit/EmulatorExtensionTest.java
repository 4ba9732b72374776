package dev.vk.provider.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EmulatorExtensionTest {

  private final List<String> closed = new ArrayList<>();

  private AutoCloseable named(String name) {
    return () -> closed.add(name);
  }

  @Test
  @DisplayName(
      "per test: started before each, closed after it, newest resource first, emulator last")
  void perTest() throws Exception {
    EmulatorExtension<AutoCloseable> ext = new EmulatorExtension<>(() -> named("emulator"));
    ext.beforeEach(null);
    ext.closeAfter(named("provider"));
    ext.closeAfter(named("client"));

    ext.afterEach(null);

    assertThat(closed).containsExactly("client", "provider", "emulator");
    assertThatThrownBy(ext::get).isInstanceOf(IllegalStateException.class);
  }

  @Test
  @DisplayName(
      "per class: one emulator across tests, closed after the class; a failed close is rethrown after the rest")
  void perClass() throws Exception {
    EmulatorExtension<AutoCloseable> ext = new EmulatorExtension<>(() -> named("emulator"));
    ext.beforeAll(null);
    AutoCloseable first = ext.get();
    ext.beforeEach(null);
    ext.closeAfter(
        () -> {
          throw new IllegalStateException("broken");
        });
    ext.afterEach(null);
    assertThat(ext.get()).isSameAs(first);
    assertThat(closed).isEmpty();

    assertThatThrownBy(() -> ext.afterAll(null)).hasMessage("broken");
    assertThat(closed).containsExactly("emulator");
  }
}
