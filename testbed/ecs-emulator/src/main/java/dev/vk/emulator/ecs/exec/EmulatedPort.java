package dev.vk.emulator.ecs.exec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What listens on a port inside an emulated task: port 80 answers HTTP, every port from 1024 up
 * echoes what it receives, and nothing listens on the other ports below 1024. One instance is one
 * TCP connection; confined to its session's thread.
 */
abstract class EmulatedPort {
  /** The connection to {@code port} of task {@code taskId}, or empty when nothing listens there. */
  static Optional<EmulatedPort> connect(int port, String taskId) {
    if (port == 80) {
      return Optional.of(new Http(taskId));
    }
    return port >= 1024 ? Optional.of(new Echo()) : Optional.empty();
  }

  /** Takes bytes the client sent; returns what the port answers (maybe nothing yet). */
  abstract byte[] receive(byte[] bytes);

  private static final class Echo extends EmulatedPort {
    @Override
    byte[] receive(byte[] bytes) {
      return bytes;
    }
  }

  /** Answers each request head (up to the blank line) with a 200 naming the task; no bodies. */
  private static final class Http extends EmulatedPort {
    private final String taskId;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    Http(String taskId) {
      this.taskId = taskId;
    }

    @Override
    byte[] receive(byte[] bytes) {
      pending.writeBytes(bytes);
      ByteArrayOutputStream answers = new ByteArrayOutputStream();
      String text = pending.toString(StandardCharsets.ISO_8859_1);
      int end;
      while ((end = text.indexOf("\r\n\r\n")) >= 0) {
        String requestLine = text.substring(0, text.indexOf("\r\n"));
        answers.writeBytes(response(requestLine));
        text = text.substring(end + 4);
      }
      pending.reset();
      pending.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
      return answers.toByteArray();
    }

    private byte[] response(String requestLine) {
      String body = "hello from task " + taskId + ": " + requestLine + "\n";
      String head =
          "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: "
              + body.getBytes(StandardCharsets.UTF_8).length
              + "\r\n\r\n";
      return (head + body).getBytes(StandardCharsets.UTF_8);
    }
  }
}
