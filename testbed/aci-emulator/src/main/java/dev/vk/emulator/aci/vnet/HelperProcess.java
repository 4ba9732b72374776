package dev.vk.emulator.aci.vnet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Group IPs answered by one {@link PodNetworkMain} process inside a network namespace, where the
 * subnet's addresses are local. The emulator itself stays in its own namespace; commands go down
 * the helper's stdin.
 */
final class HelperProcess implements PodAddresses {

  private final Process process;
  private final Writer commands;

  private HelperProcess(Process process) {
    this.process = process;
    this.commands = process.outputWriter(StandardCharsets.UTF_8);
  }

  /** Starts the helper in {@code netns}; blocks until it is ready. */
  static HelperProcess start(String netns) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        List.of(
            "ip",
            "netns",
            "exec",
            netns,
            java,
            "-Xmx64m",
            "-cp",
            System.getProperty("java.class.path"),
            PodNetworkMain.class.getName());
    try {
      Process p =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String first = out.readLine();
      if (!PodNetworkMain.READY.equals(first)) {
        p.destroyForcibly();
        throw new IllegalStateException(
            "the pod network helper did not start in network namespace "
                + netns
                + " (create it with testbed/controlplane/aci-vnet.sh up; needs root)");
      }
      Thread drain = new Thread(() -> out.lines().forEach(System.out::println), "podnet-out");
      drain.setDaemon(true);
      drain.start();
      return new HelperProcess(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the pod network helper", e);
    }
  }

  @Override
  public synchronized void up(String ip, Set<Integer> ports) {
    send(PodNetworkMain.upCommand(ip, ports));
  }

  @Override
  public synchronized void down(String ip) {
    send("down " + ip);
  }

  @Override
  public synchronized void close() {
    try {
      commands.close(); // the helper exits when its stdin ends
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private void send(String line) {
    try {
      commands.write(line + "\n");
      commands.flush();
    } catch (IOException e) {
      System.err.println("pod network: the helper is gone (" + e + "); dropped: " + line);
    }
  }
}
