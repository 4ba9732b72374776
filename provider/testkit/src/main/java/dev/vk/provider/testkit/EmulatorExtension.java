package dev.vk.provider.testkit;

import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a cloud emulator (or any closeable fake) for a test class and closes it, with everything the
 * test built against it, afterwards. Registered on a {@code static} field the emulator lives for
 * the class; on an instance field each test gets a fresh one. Not thread-safe: one test at a time.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final EmulatorExtension<AciEmulator> aci = new EmulatorExtension<>(() -> AciEmulator.start(options));
 * }</pre>
 *
 * @param <E> the emulator
 */
public final class EmulatorExtension<E extends AutoCloseable>
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

  /** Starts an emulator; may block until it listens. */
  @FunctionalInterface
  public interface Starter<E> {
    E start() throws Exception;
  }

  private final Starter<E> starter;
  // Closed newest first, the emulator last: providers stop calling it before it goes away.
  private final Deque<AutoCloseable> resources = new ArrayDeque<>();
  private E emulator;
  private boolean perClass;

  public EmulatorExtension(Starter<E> starter) {
    this.starter = starter;
  }

  /** The running emulator. */
  public E get() {
    if (emulator == null) {
      throw new IllegalStateException("the emulator runs only while a test of its class does");
    }
    return emulator;
  }

  /** Closes {@code resource} before the emulator when the test (or class) ends; returns it. */
  public <T extends AutoCloseable> T closeAfter(T resource) {
    resources.push(resource);
    return resource;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    perClass = true;
    emulator = starter.start();
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    if (!perClass) {
      emulator = starter.start();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    if (!perClass) {
      closeAll();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    closeAll();
  }

  private void closeAll() throws Exception {
    Exception failure = null;
    while (!resources.isEmpty()) {
      failure = close(resources.pop(), failure);
    }
    failure = close(emulator, failure);
    emulator = null;
    if (failure != null) {
      throw failure;
    }
  }

  private static Exception close(AutoCloseable resource, Exception failure) {
    if (resource == null) {
      return failure;
    }
    try {
      resource.close();
      return failure;
    } catch (Exception e) {
      if (failure == null) {
        return e;
      }
      failure.addSuppressed(e);
      return failure;
    }
  }
}
