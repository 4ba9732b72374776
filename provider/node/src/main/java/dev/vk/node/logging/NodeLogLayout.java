package dev.vk.node.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * One log line as logback.xml's pattern writes it: {@code HH:mm:ss.SSS LEVEL [thread] Logger
 * pod=ns/name - message}, the {@code pod=} part only when the MDC has a pod, then the stack trace
 * of a throwable. Written by hand because logback's pattern parser alone loads about a hundred
 * classes at startup. Thread-safe: it keeps no state.
 */
public final class NodeLogLayout extends LayoutBase<ILoggingEvent> {
  private final ZoneId zone;

  public NodeLogLayout() {
    this(ZoneId.systemDefault());
  }

  NodeLogLayout(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public String doLayout(ILoggingEvent event) {
    StringBuilder line = new StringBuilder(128);
    time(line, LocalTime.ofInstant(Instant.ofEpochMilli(event.getTimeStamp()), zone));
    String level = event.getLevel().toString();
    line.append(' ').append(level);
    for (int i = level.length(); i < 5; i++) {
      line.append(' ');
    }
    line.append(" [").append(event.getThreadName()).append("] ");
    String logger = event.getLoggerName();
    line.append(logger, logger.lastIndexOf('.') + 1, logger.length());
    String pod = event.getMDCPropertyMap().get("pod");
    if (pod != null && !pod.isEmpty()) {
      line.append(" pod=").append(pod);
    }
    line.append(" - ").append(event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
    IThrowableProxy thrown = event.getThrowableProxy();
    if (thrown != null) {
      line.append(ThrowableProxyUtil.asString(thrown)); // ends with a line separator
    }
    return line.toString();
  }

  private static void time(StringBuilder line, LocalTime t) {
    two(line, t.getHour()).append(':');
    two(line, t.getMinute()).append(':');
    two(line, t.getSecond()).append('.');
    int ms = t.getNano() / 1_000_000;
    line.append(ms < 100 ? (ms < 10 ? "00" : "0") : "").append(ms);
  }

  private static StringBuilder two(StringBuilder line, int v) {
    return line.append(v < 10 ? "0" : "").append(v);
  }
}
