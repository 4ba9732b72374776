package dev.vk.node.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * Sets up the node's logging in code, as logback.xml does: INFO to standard error in {@link
 * NodeLogLayout}'s format, the Kubernetes client's informers and the Azure SDK (with its token
 * library) at WARN, without the informers' errors for being stopped ({@link StoppedInformers}).
 * Found by logback through the service file that only the node's jar carries, so tests and
 * embedders keep their own configuration. An operator's {@code -Dlogback.configurationFile} still
 * wins: then this steps aside and logback reads that file. Called once, at logback's
 * initialisation.
 */
public final class NodeLogging extends ContextAwareBase implements Configurator {
  static final String CONFIG_FILE_PROPERTY = "logback.configurationFile";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty(CONFIG_FILE_PROPERTY) != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    NodeLogLayout layout = new NodeLogLayout();
    layout.setContext(context);
    layout.start();
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setLayout(layout);
    encoder.start();
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName("STDERR");
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder);
    StoppedInformers stopped = new StoppedInformers();
    stopped.setContext(context);
    stopped.start();
    stderr.addFilter(stopped);
    stderr.start();
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(stderr);
    context.getLogger("io.kubernetes.client.informer").setLevel(Level.WARN);
    // The Azure SDK logs every ARM answer at INFO, several lines a pod that tell an operator
    // nothing. Its RetryPolicy says "Retry attempts have been exhausted" for each answer (tryCount
    // 0: the provider paces and retries itself), at ERROR for a failed call, which the provider's
    // own retries already report with the pod it concerns: that logger is off.
    context.getLogger("com.azure").setLevel(Level.WARN);
    context.getLogger("com.azure.core.http.policy.RetryPolicy").setLevel(Level.OFF);
    // Its token library logs each token request's correlation IDs at INFO.
    context.getLogger("com.microsoft.aad.msal4j").setLevel(Level.WARN);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
