package dev.vk.node.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Drops the Kubernetes client's ERROR lines for an informer thread that was interrupted. The client
 * stops its informers by interrupting their threads and logs each interruption as an error with a
 * stack trace, so every stop of the node (a rollout, a drain) printed about five errors for what is
 * the normal way out. An interruption is the only way those threads see one, so nothing else is
 * hidden; other informer errors still show.
 */
public final class StoppedInformers extends Filter<ILoggingEvent> {
  static final String INFORMERS = "io.kubernetes.client.informer";

  @Override
  public FilterReply decide(ILoggingEvent event) {
    if (event.getLoggerName().startsWith(INFORMERS) && interrupted(event.getThrowableProxy())) {
      return FilterReply.DENY;
    }
    return FilterReply.NEUTRAL;
  }

  private static boolean interrupted(IThrowableProxy thrown) {
    return thrown != null && InterruptedException.class.getName().equals(thrown.getClassName());
  }
}
