package dev.vk.node.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NodeLogLayoutTest {
  private static final ZoneId UTC = ZoneId.of("UTC");
  private final LoggerContext context = new LoggerContext();

  @Test
  void writesTimeLevelThreadLoggerPodAndMessage() {
    LoggingEvent e = event(Level.INFO, "Created pod {}", null, Map.of("pod", "default/web-1"));
    assertThat(new NodeLogLayout(UTC).doLayout(e))
        .isEqualTo(
            "07:05:09.042 INFO  [pod-sync-worker-1] PodSyncer pod=default/web-1 - Created pod x"
                + System.lineSeparator());
  }

  @Test
  void leavesOutAnEmptyPod() {
    LoggingEvent e = event(Level.WARN, "Created pod {}", null, Map.of());
    assertThat(new NodeLogLayout(UTC).doLayout(e))
        .startsWith("07:05:09.042 WARN  [pod-sync-worker-1] PodSyncer - Created pod x");
  }

  @Test
  void writesTheStackTraceOfAThrowable() {
    LoggingEvent e = event(Level.ERROR, "failed", new IllegalStateException("boom"), Map.of());
    assertThat(new NodeLogLayout(UTC).doLayout(e))
        .contains("ERROR [pod-sync-worker-1] PodSyncer - failed")
        .contains("java.lang.IllegalStateException: boom")
        .contains("at dev.vk.node.logging.NodeLogLayoutTest");
  }

  /** The jar's lines stay those of logback.xml, which embedders and tests still use. */
  @Test
  void matchesThePatternOfLogbackXml() throws Exception {
    Matcher m =
        Pattern.compile("<pattern>(.*)</pattern>")
            .matcher(Files.readString(Path.of("src/main/resources/logback.xml")));
    assertThat(m.find()).isTrue();
    PatternLayout pattern = new PatternLayout();
    pattern.setContext(context);
    pattern.setPattern(m.group(1).replace("%d{HH:mm:ss.SSS}", "%d{HH:mm:ss.SSS, UTC}"));
    pattern.start();
    NodeLogLayout layout = new NodeLogLayout(UTC);
    for (LoggingEvent e :
        new LoggingEvent[] {
          event(Level.INFO, "Created pod {}", null, Map.of("pod", "default/web-1")),
          event(Level.DEBUG, "no pod {}", null, Map.of()),
          event(Level.ERROR, "failed {}", new IllegalStateException("boom"), Map.of()),
        }) {
      assertThat(layout.doLayout(e)).isEqualTo(pattern.doLayout(e));
    }
  }

  private LoggingEvent event(Level level, String msg, Throwable t, Map<String, String> mdc) {
    LoggingEvent e =
        new LoggingEvent(
            "fqcn",
            context.getLogger("dev.vk.node.pod.PodSyncer"),
            level,
            msg,
            t,
            new Object[] {"x"});
    e.setTimeStamp(Instant0.MILLIS);
    e.setThreadName("pod-sync-worker-1");
    e.setMDCPropertyMap(mdc);
    return e;
  }

  /** 2026-12-04T07:05:09.042Z. */
  private static final class Instant0 {
    static final long MILLIS = java.time.Instant.parse("2026-12-04T07:05:09.042Z").toEpochMilli();
  }
}
