package dev.vk.kubeletapi.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class StdinPipeTest {
  private final AtomicInteger paused = new AtomicInteger();
  private final AtomicInteger resumed = new AtomicInteger();
  private final StdinPipe pipe = new StdinPipe(paused::incrementAndGet, resumed::incrementAndGet);

  private void offer(String text) {
    pipe.offer(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("bytes come out in order, then end-of-stream")
  void order() throws IOException {
    offer("hello ");
    offer("world");
    pipe.end();
    assertThat(new String(pipe.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello world");
    assertThat(pipe.read()).isEqualTo(-1);
  }

  @Test
  @Timeout(5)
  @DisplayName("a blocked reader wakes up when data arrives from another thread")
  void blocking() throws Exception {
    CompletableFuture<Integer> read =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return pipe.read();
              } catch (IOException e) {
                throw new RuntimeException(e);
              }
            });
    offer("x");
    assertThat(read.get(5, TimeUnit.SECONDS)).isEqualTo('x');
  }

  @Test
  @DisplayName("abort drops buffered bytes; later offers are ignored")
  void abort() throws IOException {
    offer("lost");
    pipe.abort();
    offer("ignored");
    assertThat(pipe.read()).isEqualTo(-1);
  }

  @Test
  @DisplayName("too much unread input pauses the connection until the reader catches up")
  void backpressure() throws IOException {
    byte[] chunk = new byte[64 * 1024];
    for (int i = 0; i < 20; i++) {
      pipe.offer(Unpooled.wrappedBuffer(chunk));
    }
    assertThat(paused).hasValue(1);
    assertThat(resumed).hasValue(0);
    byte[] sink = new byte[64 * 1024];
    while (pipe.available() > 0) {
      pipe.read(sink, 0, sink.length);
    }
    assertThat(resumed).hasValue(1);
  }
}
