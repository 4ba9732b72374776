package dev.vk.testbed.cluster;

import java.util.List;

/** What one kubectl run produced. */
public record CommandResult(List<String> command, int exitCode, String stdout, String stderr) {

  public CommandResult {
    command = List.copyOf(command);
  }

  /** Whether kubectl exited with status 0. */
  public boolean ok() {
    return exitCode == 0;
  }

  /**
   * Returns this result if kubectl succeeded.
   *
   * @throws IllegalStateException with the command, exit code and both outputs otherwise
   */
  public CommandResult orThrow() {
    if (!ok()) {
      throw new IllegalStateException(toString());
    }
    return this;
  }

  @Override
  public String toString() {
    return String.join(" ", command)
        + " -> exit "
        + exitCode
        + (stdout.isEmpty() ? "" : "\nstdout: " + stdout.strip())
        + (stderr.isEmpty() ? "" : "\nstderr: " + stderr.strip());
  }
}
