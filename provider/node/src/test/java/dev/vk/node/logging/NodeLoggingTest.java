package dev.vk.node.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class NodeLoggingTest {
  @Test
  void logsInfoToStandardErrorInTheNodeFormat() {
    LoggerContext context = new LoggerContext();
    assertThat(new NodeLogging().configure(context))
        .isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getLevel()).isEqualTo(Level.INFO);
    assertThat(context.getLogger("io.kubernetes.client.informer").getLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger("com.azure.core.http.policy.RetryPolicy").isInfoEnabled())
        .as("the Azure SDK's line for every ARM answer")
        .isFalse();
    assertThat(context.getLogger("com.azure.core.http.policy.RetryPolicy").isErrorEnabled())
        .as("its line for every failed ARM call, which the provider reports itself")
        .isFalse();
    assertThat(context.getLogger("com.microsoft.aad.msal4j.HttpHelper").isInfoEnabled()).isFalse();
    var appender = (ConsoleAppender<?>) root.getAppender("STDERR");
    assertThat(appender.getTarget()).isEqualTo("System.err");
    assertThat(appender.isStarted()).isTrue();
  }

  @Test
  void stepsAsideForAnOperatorsConfigurationFile() {
    String before = System.getProperty(NodeLogging.CONFIG_FILE_PROPERTY);
    System.setProperty(NodeLogging.CONFIG_FILE_PROPERTY, "/etc/virtual-kubelet/logback.xml");
    try {
      LoggerContext context = new LoggerContext();
      assertThat(new NodeLogging().configure(context))
          .isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
      assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR")).isNull();
    } finally {
      if (before == null) {
        System.clearProperty(NodeLogging.CONFIG_FILE_PROPERTY);
      } else {
        System.setProperty(NodeLogging.CONFIG_FILE_PROPERTY, before);
      }
    }
  }
}
