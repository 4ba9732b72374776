package dev.vk.emulator.aci.exec;

import java.time.Duration;

/**
 * The output side of a terminal session, implemented over a WebSocket by {@link
 * TerminalFrameHandler} and by fakes in tests. {@link #print} and {@link #hangUp} are also called
 * from an exec session's shell thread, so implementations make them thread-safe.
 */
public interface Tty {

  /** Writes raw terminal output (stdout and stderr are merged, as on ACI). */
  void print(String text);

  /** Runs {@code task} after {@code delay}; returns a handle that cancels it. */
  Runnable schedule(Duration delay, Runnable task);

  /**
   * Ends the session: the WebSocket is closed (with the closing handshake, so the connection goes
   * once the client has answered). ACI reports no exit code.
   */
  void hangUp();
}
