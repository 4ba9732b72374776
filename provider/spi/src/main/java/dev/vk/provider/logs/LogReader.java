package dev.vk.provider.logs;

import dev.vk.kubelet.types.LogLine;
import dev.vk.kubelet.types.ProviderException;
import java.util.function.Consumer;

/**
 * The cloud-specific half of one log request: fetching lines. {@link LogPublishers} calls it from
 * one reader thread, in order: {@link #readInitial} once, then, when following, {@link #ended} and
 * {@link #readMore} in turns, and {@link #close} once at the end, whatever ended it. Every method
 * may block on the cloud.
 */
public interface LogReader extends AutoCloseable {

  /**
   * Delivers the lines the log holds now, oldest first. The publisher applies {@code tailLines} and
   * the "since" cut-off to what is delivered, so a reader may hand them to the cloud to read less,
   * or not.
   */
  void readInitial(Consumer<LogLine> out) throws ProviderException;

  /** Delivers the lines written since the last read; returns whether any arrived. */
  boolean readMore(Consumer<LogLine> out) throws ProviderException;

  /**
   * Whether the container has ended, so that nothing more will be written. Asked before a read, so
   * that the lines written just before the end are still read.
   */
  boolean ended() throws ProviderException;

  /** Releases what the reader holds (a cloud-side session, a cursor). Called once; no-op here. */
  @Override
  default void close() {}
}
