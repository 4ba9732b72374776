package dev.vk.node.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class StoppedInformersTest {
  private final LoggerContext context = new LoggerContext();

  /** Whether the node's standard error appender, set up as the jar sets it up, prints the line. */
  private boolean printed(String logger, String message, Throwable thrown, Object... args) {
    new NodeLogging().configure(context);
    @SuppressWarnings("unchecked")
    var stderr =
        (ConsoleAppender<ILoggingEvent>)
            context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
    LoggingEvent event =
        new LoggingEvent(
            Logger.class.getName(), context.getLogger(logger), Level.ERROR, message, thrown, args);
    return stderr.getFilterChainDecision(event) != FilterReply.DENY;
  }

  @Test
  void anInformerStoppedByInterruptionPrintsNothing() {
    InterruptedException stop = new InterruptedException();
    // The two lines client-java's informers log when they are stopped.
    assertThat(
            printed(
                "io.kubernetes.client.informer.cache.Controller",
                "DefaultController#processLoop get interrupted {}",
                stop,
                (Object) null))
        .isFalse();
    assertThat(
            printed(
                "io.kubernetes.client.informer.cache.ProcessorListener",
                "processor interrupted: {}",
                stop))
        .isFalse();
  }

  @Test
  void otherInformerErrorsAndOtherInterruptionsStillPrint() {
    assertThat(
            printed(
                "io.kubernetes.client.informer.cache.ReflectorRunnable",
                "list failed",
                new IllegalStateException("forbidden")))
        .isTrue();
    assertThat(printed("dev.vk.node.pod.PodSyncer", "sync interrupted", new InterruptedException()))
        .isTrue();
    assertThat(
            printed("io.kubernetes.client.informer.cache.Controller", "processLoop failed", null))
        .isTrue();
  }
}
