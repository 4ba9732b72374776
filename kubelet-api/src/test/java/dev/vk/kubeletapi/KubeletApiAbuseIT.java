package dev.vk.kubeletapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.vk.kubeletapi.limits.ServerLimits;
import dev.vk.kubeletapi.spi.AccessDecision;
import dev.vk.kubeletapi.spi.JsonBody;
import dev.vk.kubeletapi.spi.KubeletHandlers;
import dev.vk.kubeletapi.spi.UserInfo;
import dev.vk.kubeletapi.testing.RawTls;
import dev.vk.kubeletapi.testing.RawTls.Response;
import dev.vk.kubeletapi.testing.SpdyWire;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The real server on loopback under abuse: pipelining and slow senders, floods of made-up tokens
 * and of port-forward pairs, an old TLS version. A fake TokenReviewer counts its calls and answers
 * slowly (or not until released). Attackers connect from 127.0.0.1; the valid client from
 * 127.0.0.2, as a different address (the per-address cap is for the attackers).
 */
@Timeout(90)
class KubeletApiAbuseIT {
  private static final String GOOD = "good-token";
  private static final ServerLimits LIMITS =
      new ServerLimits(64, 48, 8, 4, Duration.ofSeconds(5), 8, 64, 16, 50, 20);

  private static final AtomicInteger reviews = new AtomicInteger();
  private static final AtomicReference<CountDownLatch> reviewGate =
      new AtomicReference<>(new CountDownLatch(0));
  private static final CountDownLatch neverOpens = new CountDownLatch(1);
  private static final AtomicInteger forwardsRunning = new AtomicInteger();
  private static volatile CountDownLatch forwardRelease = new CountDownLatch(0);

  private static KubeletApiServer server;
  private static RawTls tls;
  private static int baselineThreads;
  private static long baselineHeap;

  private final ExecutorService attackers = Executors.newFixedThreadPool(8);
  private final List<Socket> sockets = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    KubeletApiConfig config =
        KubeletApiConfig.builder()
            .nodeName("vk-abuse")
            .bindHost("127.0.0.1")
            .port(0)
            .httpIdleTimeout(Duration.ofMinutes(5))
            .limits(LIMITS)
            .tokenReviewer(KubeletApiAbuseIT::review)
            .accessReviewer(
                (user, attributes) ->
                    user.name().equals("alice")
                        ? AccessDecision.allow()
                        : AccessDecision.deny("not alice"))
            .build();
    KubeletHandlers handlers =
        KubeletHandlers.builder()
            .pods(() -> JsonBody.raw("{\"items\":[]}"))
            .portForward(
                (pod, port, stream) -> {
                  // As a provider that dials and copies on the calling thread.
                  forwardsRunning.incrementAndGet();
                  try {
                    forwardRelease.await(60, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  } finally {
                    forwardsRunning.decrementAndGet();
                  }
                  return CompletableFuture.completedFuture(null);
                })
            .build();
    server = KubeletApiServer.start(config, handlers);
    tls = new RawTls(server.address().getPort());
    assertThat(validStatus()).isEqualTo(200);
    baselineThreads = threads().getThreadCount();
    baselineHeap = heapAfterGc();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @AfterEach
  void cleanUp() throws Exception {
    reviewGate.get().countDown();
    forwardRelease.countDown();
    for (Socket s : sockets) {
      s.close();
    }
    attackers.shutdownNow();
    assertThat(attackers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
  }

  /** The fake TokenReview: counted, slow, and held while the gate is closed. */
  private static Optional<UserInfo> review(String token) {
    reviews.incrementAndGet();
    try {
      reviewGate.get().await(60, TimeUnit.SECONDS);
      neverOpens.await(20, TimeUnit.MILLISECONDS); // the API server's answer time
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return GOOD.equals(token) ? Optional.of(UserInfo.of("alice", List.of())) : Optional.empty();
  }

  private static int validStatus() throws IOException {
    return tls.get(RawTls.VALID_CLIENT, "/pods", GOOD).code();
  }

  private static ThreadMXBean threads() {
    return ManagementFactory.getThreadMXBean();
  }

  private static long heapAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  /** Live threads may grow by the pools, Netty's loops, the attackers and a little slack only. */
  private static void assertThreadsBounded() {
    int bound =
        baselineThreads
            + 2 * LIMITS.requestThreads()
            + LIMITS.streamThreads()
            + 2 * Runtime.getRuntime().availableProcessors()
            + 8
            + 10;
    assertThat(threads().getThreadCount()).as("live threads").isLessThanOrEqualTo(bound);
  }

  private SSLSocket attacker() throws IOException {
    SSLSocket socket = tls.connect(RawTls.ATTACKER);
    sockets.add(socket);
    return socket;
  }

  @Test
  @DisplayName("pipelining while TokenReview hangs: bounded per connection, 429 past the cap")
  void pipeliningBeforeAuth() throws Exception {
    reviewGate.set(new CountDownLatch(1));
    // One write, one TLS record: the server decodes all 100 requests at once.
    SSLSocket one = attacker();
    StringBuilder burst = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      burst.append(RawTls.request("/pods", UUID.randomUUID().toString(), true));
    }
    one.getOutputStream().write(burst.toString().getBytes(StandardCharsets.US_ASCII));
    one.getOutputStream().flush();
    // A flood on many connections: writers block once the server stops reading.
    List<Future<?>> floods = new ArrayList<>();
    for (int c = 0; c < 16; c++) {
      SSLSocket socket = attacker();
      floods.add(attackers.submit(() -> flood(socket.getOutputStream(), 20_000)));
    }
    assertThat(validStatus()).as("a known token needs no review").isEqualTo(200);
    assertThreadsBounded();
    assertThat(reviews.get()).as("reviews waiting for the gate").isGreaterThan(0);
    assertThat(heapAfterGc() - baselineHeap).as("heap growth").isLessThan(64L << 20);

    reviewGate.get().countDown();
    InputStream in = one.getInputStream();
    List<Response> answers = new ArrayList<>();
    for (Response r = RawTls.read(in); r != null; r = RawTls.read(in)) {
      answers.add(r);
    }
    assertThat(answers).hasSize(LIMITS.maxPipelinedRequests() + 1);
    assertThat(answers.subList(0, LIMITS.maxPipelinedRequests()))
        .allSatisfy(r -> assertThat(r.code()).isIn(401, 429));
    Response last = answers.get(answers.size() - 1);
    assertThat(last.code()).isEqualTo(429);
    assertThat(last.body()).contains("more than 8 pipelined requests on one connection");
    assertThat(validStatus()).isEqualTo(200);
  }

  private static Void flood(OutputStream out, int requests) throws IOException {
    for (int i = 0; i < requests; i++) {
      out.write(
          RawTls.request("/pods", UUID.randomUUID().toString(), true)
              .getBytes(StandardCharsets.US_ASCII));
    }
    out.flush();
    return null;
  }

  @Test
  @DisplayName("slow-loris senders are cut off by the request read deadline, not the idle timer")
  void slowLoris() throws Exception {
    List<SSLSocket> slow = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      SSLSocket socket = attacker();
      socket.getOutputStream().write("GET /pods HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
      slow.add(socket);
    }
    long started = System.nanoTime();
    AtomicInteger line = new AtomicInteger();
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> slow.stream().allMatch(s -> dribbleAndCheckClosed(s, line.incrementAndGet())));
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .as("well before the 5 minute idle timeout")
        .isLessThan(Duration.ofSeconds(30));
    assertThat(validStatus()).isEqualTo(200);
    assertThreadsBounded();
  }

  /** Sends one more header line; true once the server has closed the connection. */
  private static boolean dribbleAndCheckClosed(SSLSocket socket, int n) {
    try {
      socket
          .getOutputStream()
          .write(("X-Slow-" + n + ": a\r\n").getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      socket.setSoTimeout(20);
      return socket.getInputStream().read() == -1;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  @Test
  @DisplayName("10,000 made-up tokens: reviews stay under the rate, 429s say when to retry")
  void randomTokens() throws Exception {
    int before = reviews.get();
    long started = System.nanoTime();
    AtomicInteger tooMany = new AtomicInteger();
    AtomicInteger unauthorized = new AtomicInteger();
    List<Future<?>> clients = new ArrayList<>();
    for (int c = 0; c < 8; c++) {
      SSLSocket socket = attacker();
      clients.add(
          attackers.submit(
              () -> {
                OutputStream out = socket.getOutputStream();
                InputStream in = socket.getInputStream();
                for (int i = 0; i < 1250; i++) {
                  out.write(
                      RawTls.request("/pods", UUID.randomUUID().toString(), true)
                          .getBytes(StandardCharsets.US_ASCII));
                  out.flush();
                  Response r = RawTls.read(in);
                  if (r.code() == 429) {
                    assertThat(r.header("retry-after")).isNotNull();
                    tooMany.incrementAndGet();
                  } else {
                    assertThat(r.code()).isEqualTo(401);
                    unauthorized.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    while (!clients.stream().allMatch(Future::isDone)) {
      assertThat(validStatus()).as("the valid token works throughout").isEqualTo(200);
    }
    for (Future<?> f : clients) {
      f.get();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    int made = reviews.get() - before;
    assertThat(tooMany.get() + unauthorized.get()).isEqualTo(10_000);
    assertThat(made)
        .as("TokenReviews in %.1f s", seconds)
        .isLessThanOrEqualTo(
            (int) (LIMITS.tokenReviewBurst() + LIMITS.tokenReviewsPerSecond() * seconds) + 1);
    assertThat(tooMany.get()).isGreaterThan(5_000);
    assertThreadsBounded();
    assertThat(heapAfterGc() - baselineHeap).as("heap growth").isLessThan(64L << 20);
  }

  @Test
  @DisplayName("port-forward pair flood: capped per connection, threads bounded by the stream pool")
  void portForwardFlood() throws Exception {
    forwardRelease = new CountDownLatch(1);
    // Four connections fill the stream pool exactly, four pairs each; the rest is refused.
    for (int c = 0; c < 4; c++) {
      SpdyWire spdy = SpdyWire.portForward(attacker(), "/portForward/ns/web", GOOD);
      for (int pair = 0; pair < 50; pair++) {
        spdy.openPair(pair, 8080);
      }
      spdy.readUntilAnswered(50);
      assertThat(spdy.repliedPairs()).as("pairs accepted on one connection").isEqualTo(4);
      assertThat(spdy.refusedStreams()).isEqualTo(2 * 46);
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> forwardsRunning.get() == LIMITS.streamThreads());
    assertThreadsBounded();
    // The pool is full: a fifth connection's pairs are accepted and answered with an error.
    SpdyWire late = SpdyWire.portForward(attacker(), "/portForward/ns/web", GOOD);
    for (int pair = 0; pair < 4; pair++) {
      late.openPair(pair, 8080);
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ZERO)
        .untilAsserted(
            () -> {
              late.poll();
              assertThat(late.errors())
                  .hasSize(4)
                  .allSatisfy(m -> assertThat(m).contains("the node is busy"));
            });
    assertThat(forwardsRunning.get()).isEqualTo(LIMITS.streamThreads());
    assertThreadsBounded();
    assertThat(heapAfterGc() - baselineHeap).as("heap growth").isLessThan(64L << 20);
    assertThat(validStatus()).isEqualTo(200);
  }

  @Test
  @DisplayName("one address gets its share of connections; another address still gets in")
  void connectionsPerAddress() throws Exception {
    await().atMost(Duration.ofSeconds(20)).until(() -> server.openConnections() == 0);
    for (int i = 0; i < LIMITS.maxConnectionsPerAddress(); i++) {
      SSLSocket socket = attacker();
      // A finished request: the connection now idles for minutes, past the read deadline.
      socket
          .getOutputStream()
          .write(RawTls.request("/healthz", "x", true).getBytes(StandardCharsets.US_ASCII));
      assertThat(RawTls.read(socket.getInputStream()).code()).isEqualTo(200);
    }
    assertThatThrownBy(this::attacker)
        .as("closed before the TLS handshake")
        .isInstanceOf(IOException.class);
    assertThat(validStatus()).isEqualTo(200);
  }

  @Test
  @DisplayName("a TLS 1.1 client gets no ServerHello")
  void tls11Refused() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.address().getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(RawTls.clientHello(0x0302));
      int contentType = socket.getInputStream().read();
      assertThat(contentType)
          .as("an alert (21) or a closed connection, never a handshake (22)")
          .isIn(21, -1);
    }
    assertThat(validStatus()).isEqualTo(200);
  }
}
