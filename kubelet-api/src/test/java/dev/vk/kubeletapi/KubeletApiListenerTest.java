package dev.vk.kubeletapi;

import static dev.vk.kubeletapi.testing.EmbeddedHttp.get;
import static dev.vk.kubeletapi.testing.EmbeddedHttp.request;
import static dev.vk.kubeletapi.testing.EmbeddedHttp.response;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.kubelet.types.LogLine;
import dev.vk.kubeletapi.http.ApiError;
import dev.vk.kubeletapi.http.RejectedRequest;
import dev.vk.kubeletapi.http.RequestDispatcher;
import dev.vk.kubeletapi.spi.KubeletApiException;
import dev.vk.kubeletapi.spi.KubeletApiListener;
import dev.vk.kubeletapi.spi.KubeletHandlers;
import dev.vk.kubeletapi.stream.StreamSettings;
import dev.vk.kubeletapi.testing.EmbeddedHttp;
import dev.vk.kubeletapi.testing.TestingLogPublisher;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KubeletApiListenerTest {
  private static final String LOGS = "/containerLogs/{namespace}/{pod}/{container}";

  private final List<String> heard = new CopyOnWriteArrayList<>();
  private final TestingLogPublisher publisher = new TestingLogPublisher();

  private final KubeletApiListener listener =
      new KubeletApiListener() {
        @Override
        public void responded(String route, String method, int status) {
          heard.add(method + " " + route + " " + status);
        }

        @Override
        public void streamOpened(String route) {
          heard.add("open " + route);
        }

        @Override
        public void streamClosed(String route) {
          heard.add("closed " + route);
        }
      };

  private final EmbeddedChannel channel =
      new EmbeddedChannel(
          new RequestDispatcher(
              KubeletRoutes.router(
                  KubeletHandlers.builder().containerLogs((c, o) -> publisher).build(),
                  new StreamSettings(
                      EmbeddedHttp.DIRECT, Duration.ofHours(4), Duration.ofSeconds(30))),
              EmbeddedHttp.DIRECT,
              listener));

  @Test
  @DisplayName("hears each response with its route template, method and status code")
  void responses() {
    channel.writeInbound(get("/healthz"));
    response(channel).release();
    channel.writeInbound(get("/no/such/path"));
    response(channel).release();
    channel.writeInbound(request(HttpMethod.POST, "/containerLogs/ns/p/c"));
    response(channel).release();
    channel.writeInbound(get("/exec/ns/p/c?command=ls"));
    response(channel).release();
    assertThat(heard)
        .containsExactly(
            "GET /healthz 200",
            "GET unmatched 404",
            "POST " + LOGS + " 405",
            "GET /exec/{namespace}/{pod}/{container} 501");
  }

  @Test
  @DisplayName("a request refused by authentication is heard with the route it asked for")
  void refused() {
    channel.writeInbound(
        new RejectedRequest(
            get("/exec/ns/p/c"),
            ApiError.forKind(KubeletApiException.Kind.UNAUTHORIZED, "Unauthorized")));
    channel.writeInbound(
        new RejectedRequest(
            get("/nope"), ApiError.forKind(KubeletApiException.Kind.FORBIDDEN, "Forbidden")));
    response(channel).release();
    response(channel).release();
    assertThat(heard)
        .containsExactly("GET /exec/{namespace}/{pod}/{container} 401", "GET unmatched 403");
  }

  @Test
  @DisplayName("a log stream is open from its head until it ends, and closed once")
  void logStream() {
    channel.writeInbound(get("/containerLogs/ns/p/c?follow=true"));
    channel.runPendingTasks();
    assertThat(heard).containsExactly("GET " + LOGS + " 200", "open " + LOGS);
    publisher.emit(LogLine.of(Instant.EPOCH, "line"));
    publisher.complete();
    channel.runPendingTasks();
    channel.close();
    drain();
    assertThat(heard).containsExactly("GET " + LOGS + " 200", "open " + LOGS, "closed " + LOGS);
  }

  @Test
  @DisplayName("a stream whose client goes away is closed")
  void disconnected() {
    channel.writeInbound(get("/containerLogs/ns/p/c?follow=true"));
    channel.runPendingTasks();
    channel.close();
    channel.runPendingTasks();
    drain();
    assertThat(heard).endsWith("closed " + LOGS);
  }

  private void drain() {
    Object msg;
    while ((msg = channel.readOutbound()) != null) {
      ReferenceCountUtil.release(msg);
    }
  }
}
