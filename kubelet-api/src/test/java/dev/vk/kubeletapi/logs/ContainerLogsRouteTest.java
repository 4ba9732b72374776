package dev.vk.kubeletapi.logs;

import static dev.vk.kubeletapi.testing.EmbeddedHttp.get;
import static dev.vk.kubeletapi.testing.EmbeddedHttp.json;
import static dev.vk.kubeletapi.testing.EmbeddedHttp.response;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.kubelet.types.ContainerRef;
import dev.vk.kubelet.types.LogLine;
import dev.vk.kubelet.types.LogOptions;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.kubeletapi.http.Router;
import dev.vk.kubeletapi.testing.EmbeddedHttp;
import dev.vk.kubeletapi.testing.TestingLogPublisher;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ContainerLogsRouteTest {
  private static final Instant T = Instant.parse("2026-01-02T03:04:05Z");

  private final TestingLogPublisher publisher = new TestingLogPublisher();
  private final AtomicReference<ContainerRef> opened = new AtomicReference<>();
  private final AtomicReference<LogOptions> options = new AtomicReference<>();
  private final EmbeddedChannel channel =
      EmbeddedHttp.dispatcher(
          Router.builder()
              .route(
                  "/containerLogs/{namespace}/{pod}/{container}",
                  new ContainerLogsRoute(
                      (container, o) -> {
                        if (container.container().equals("ghost")) {
                          throw ProviderException.notFound("container ghost not found");
                        }
                        opened.set(container);
                        options.set(o);
                        return publisher;
                      }),
                  HttpMethod.GET)
              .build());

  private HttpResponse head() {
    channel.runPendingTasks();
    Object msg = channel.readOutbound();
    assertThat(msg).isInstanceOf(HttpResponse.class).isNotInstanceOf(FullHttpResponse.class);
    return (HttpResponse) msg;
  }

  private String chunk() {
    Object msg = channel.readOutbound();
    assertThat(msg).isInstanceOf(HttpContent.class).isNotInstanceOf(LastHttpContent.class);
    HttpContent content = (HttpContent) msg;
    try {
      return content.content().toString(StandardCharsets.UTF_8);
    } finally {
      content.release();
    }
  }

  private void assertEnded() {
    Object msg = channel.readOutbound();
    assertThat(msg).isInstanceOf(LastHttpContent.class);
  }

  @Test
  @DisplayName("the function sees the container and options; the response is chunked")
  void opens() {
    channel.writeInbound(get("/containerLogs/ns/pod/app?follow=true&tailLines=2"));
    HttpResponse head = head();
    assertThat(head.status().code()).isEqualTo(200);
    assertThat(HttpUtil.isTransferEncodingChunked(head)).isTrue();
    assertThat(opened.get()).isEqualTo(ContainerRef.of("ns", "pod", "app"));
    assertThat(options.get().follow()).isTrue();
    assertThat(options.get().tailLines()).hasValue(2);
  }

  @Test
  @DisplayName("every line is its own flushed chunk; completion ends the response")
  void perLine() {
    channel.writeInbound(get("/containerLogs/ns/pod/app"));
    head();
    publisher.emit(LogLine.of(T, "one"));
    assertThat(chunk()).isEqualTo("one\n");
    publisher.emit(LogLine.of(T, "two"));
    assertThat(chunk()).isEqualTo("two\n");
    publisher.complete();
    assertEnded();
    assertThat(channel.isActive()).isTrue();
  }

  @Test
  @DisplayName("timestamps=true prefixes each line with its fixed-width time")
  void timestamps() {
    channel.writeInbound(get("/containerLogs/ns/pod/app?timestamps=true"));
    head();
    publisher.emit(LogLine.of(T, "hi"));
    assertThat(chunk()).isEqualTo("2026-01-02T03:04:05.000000000Z hi\n");
  }

  @Test
  @DisplayName("limitBytes cuts mid-line, ends the response and cancels the source")
  void limitBytes() {
    channel.writeInbound(get("/containerLogs/ns/pod/app?limitBytes=6"));
    head();
    publisher.emit(LogLine.of(T, "abcd"));
    publisher.emit(LogLine.of(T, "efgh"));
    assertThat(chunk()).isEqualTo("abcd\n");
    assertThat(chunk()).isEqualTo("e");
    assertEnded();
    assertThat(publisher.cancelled()).isTrue();
  }

  @Test
  @DisplayName("demand follows completed writes, so a slow client slows the source")
  void demand() {
    channel.writeInbound(get("/containerLogs/ns/pod/app"));
    head();
    long initial = publisher.demand();
    assertThat(initial).isEqualTo(LogStreamWriter.WINDOW);
    publisher.emit(LogLine.of(T, "x"));
    assertThat(publisher.demand()).isEqualTo(initial);
  }

  @Test
  @DisplayName("a client that goes away cancels the source: nothing leaks")
  void disconnect() {
    channel.writeInbound(get("/containerLogs/ns/pod/app?follow=true"));
    head();
    assertThat(publisher.cancelled()).isFalse();
    channel.close();
    assertThat(publisher.cancelled()).isTrue();
  }

  @Test
  @DisplayName("a source failure after the head ends the body")
  void sourceFails() {
    channel.writeInbound(get("/containerLogs/ns/pod/app"));
    head();
    publisher.fail(new IllegalStateException("log store down"));
    assertEnded();
  }

  @Test
  @DisplayName("an unknown container is a 404 before anything is streamed")
  void notFound() {
    channel.writeInbound(get("/containerLogs/ns/pod/ghost"));
    FullHttpResponse r = response(channel);
    assertThat(r.status().code()).isEqualTo(404);
    assertThat(json(r).get("message").asText()).isEqualTo("container ghost not found");
  }

  @Test
  @DisplayName("bad queries are 400 and invalid ones 422, with Status bodies")
  void badQueries() {
    channel.writeInbound(get("/containerLogs/ns/pod/app?tailLines=many"));
    FullHttpResponse bad = response(channel);
    assertThat(bad.status().code()).isEqualTo(400);
    assertThat(json(bad).get("reason").asText()).isEqualTo("BadRequest");
    channel.writeInbound(
        get("/containerLogs/ns/pod/app?sinceSeconds=5&sinceTime=2026-01-02T03:04:05Z"));
    FullHttpResponse invalid = response(channel);
    assertThat(invalid.status().code()).isEqualTo(422);
    assertThat(json(invalid).get("reason").asText()).isEqualTo("Invalid");
    assertThat(publisher.subscribed()).isFalse();
  }
}
