package dev.vk.provider.aci.arm;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the Amazon Corretto Crypto Provider (AWS-LC, native code) as the JVM's first security
 * provider, so TLS to ARM encrypts and decrypts with AES-GCM in native code. ARM offers only
 * AES-GCM suites, and the node's JIT runs at C1 only (image/jvm.options), which has none of the
 * JDK's AES and GHASH intrinsics: in plain Java, AES-GCM was 40% of the node's CPU with 1000 ACI
 * pods (the paged lists of every status round are most of the bytes). Installing takes about a
 * quarter of a second (the library is unpacked into java.io.tmpdir and loaded), so it runs on its
 * own thread from the moment the ARM client is built; requests wait for it ({@link #ready}), since
 * a TLS connection keeps the cipher implementation it started with and OkHttp keeps connections.
 * Where the library cannot load (another OS or C library), the JDK's providers stay, with a log
 * line. Thread-safe.
 */
final class NativeCrypto {
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
