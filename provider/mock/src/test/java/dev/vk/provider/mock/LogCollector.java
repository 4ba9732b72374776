package dev.vk.provider.mock;

import static org.awaitility.Awaitility.await;

import dev.vk.kubelet.types.LogLine;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;

/** Subscribes to a log and keeps its lines as text; requests what the test says. */
final class LogCollector implements Flow.Subscriber<LogLine> {

  final List<LogLine> lines = new CopyOnWriteArrayList<>();
  private final long initialRequest;
  volatile Flow.Subscription subscription;
  volatile boolean completed;
  volatile Throwable error;

  LogCollector(long initialRequest) {
    this.initialRequest = initialRequest;
  }

  /** Subscribes a collector that asks for everything. */
  static LogCollector all(Flow.Publisher<LogLine> log) {
    LogCollector collector = new LogCollector(Long.MAX_VALUE);
    log.subscribe(collector);
    return collector;
  }

  /** Subscribes a collector that asks for everything and waits until the log completes. */
  static LogCollector whole(Flow.Publisher<LogLine> log) {
    LogCollector collector = all(log);
    await().until(() -> collector.completed || collector.error != null);
    return collector;
  }

  /** The lines without their newline. */
  List<String> texts() {
    return lines.stream()
        .map(line -> new String(line.content(), StandardCharsets.UTF_8).stripTrailing())
        .toList();
  }

  @Override
  public void onSubscribe(Flow.Subscription granted) {
    subscription = granted;
    if (initialRequest > 0) {
      granted.request(initialRequest);
    }
  }

  @Override
  public void onNext(LogLine line) {
    lines.add(line);
  }

  @Override
  public void onError(Throwable failure) {
    error = failure;
  }

  @Override
  public void onComplete() {
    completed = true;
  }
}
