package dev.vk.provider.aci.arm;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the Amazon Corretto Crypto Provider (AWS-LC, native code) as the JVM's first security
 * provider, so TLS to ARM encrypts and decrypts with AES-GCM in native code. ARM offers only
 * AES-GCM suites, and the node's JIT runs at C1 only (image/jvm.options), which has none of the
 * JDK's AES and GHASH intrinsics: in plain Java, AES-GCM was 40% of the node's CPU with 1000 ACI
 * pods (the paged lists of every status round are most of the bytes). Installing runs on its own
 * thread from the moment the ARM client is built; requests wait for it ({@link #ready}), since a
 * TLS connection keeps the cipher implementation it started with and OkHttp keeps connections.
 *
 * <p>The image ships the library unpacked (image/jvm.options names its directory and sets {@value
 * #EXTERNAL}): unpacking the 8 MB library from the jar into java.io.tmpdir at every start took
 * about a tenth of a second of CPU on the node's path to Ready. A JVM with that setting but without
 * the library on its java.library.path (the jar run from a checkout) unpacks it from the jar as
 * before. Where the library cannot load (another OS or C library), the JDK's providers stay, with a
 * log line. Thread-safe.
 */
final class NativeCrypto {
  /** The provider's switch to load its library from java.library.path, not from its jar. */
  static final String EXTERNAL = "com.amazon.corretto.crypto.provider.useExternalLib";

  private static final String LIBRARY = System.mapLibraryName("amazonCorrettoCryptoProvider");
  private static final Logger logger = LoggerFactory.getLogger(NativeCrypto.class);
  private static final CompletableFuture<Boolean> INSTALLED = new CompletableFuture<>();
  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private NativeCrypto() {}

  /** Starts the install on its own thread, once. Non-blocking. */
  static void start() {
    if (STARTED.compareAndSet(false, true)) {
      Thread t = new Thread(NativeCrypto::install, "native-crypto");
      t.setDaemon(true);
      t.start();
    }
  }

  private static void install() {
    if (Boolean.getBoolean(EXTERNAL)
        && !onLibraryPath(System.getProperty("java.library.path", ""))) {
      System.clearProperty(EXTERNAL); // before the provider's loader reads it
    }
    try {
      AmazonCorrettoCryptoProvider.install();
      Throwable error = AmazonCorrettoCryptoProvider.INSTANCE.getLoadingError();
      if (error == null) {
        INSTALLED.complete(true);
      } else {
        unavailable(error);
      }
    } catch (RuntimeException | LinkageError e) {
      unavailable(e);
    }
  }

  /** Whether a directory of {@code libraryPath} (java.library.path's syntax) holds the library. */
  static boolean onLibraryPath(String libraryPath) {
    for (String dir : libraryPath.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isRegularFile(Path.of(dir, LIBRARY))) {
        return true;
      }
    }
    return false;
  }

  private static void unavailable(Throwable why) {
    logger.info("Native crypto unavailable, TLS to ARM uses the JDK's: {}", why.toString());
    INSTALLED.complete(false);
  }

  /**
   * Waits until the install has been tried (at once after the first time). May block for about a
   * quarter of a second on the first call.
   *
   * @return whether the native provider is installed
   */
  static boolean ready() {
    start();
    return INSTALLED.join();
  }
}
