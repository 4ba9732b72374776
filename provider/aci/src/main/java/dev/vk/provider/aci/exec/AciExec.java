package dev.vk.provider.aci.exec;

import com.azure.resourcemanager.containerinstance.fluent.models.ContainerGroupInner;
import dev.vk.kubelet.types.ContainerRef;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.kubelet.types.StreamIO;
import dev.vk.kubelet.types.TerminalSize;
import dev.vk.provider.DaemonThreads;
import dev.vk.provider.aci.arm.ContainerGroups;
import dev.vk.provider.aci.config.TrustedTls;
import dev.vk.provider.aci.logs.AciLogs;
import java.net.URI;
import java.net.http.WebSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code kubectl exec} and {@code attach} through ACI's executeCommand and attach APIs and their
 * WebSockets. Exec sends the password as the first text frame, then raw terminal bytes. ACI's
 * limits are kept: one program without arguments ({@link ExecCommand}), the terminal size fixed at
 * start (later resizes are dropped), and no exit code: the stage completes with 0 when ACI closes
 * the session, whatever the command returned, and fails (UNAVAILABLE) when the connection breaks
 * first, so a cut-off output is never reported as a finished command.
 */
public final class AciExec {

  static final TerminalSize DEFAULT_SIZE = new TerminalSize(80, 24);

  private final AciLogs.Groups lookup;
  private final ContainerGroups groups;
  private final WebSocketOpener sockets;

  /**
   * @param tls the trust for the exec and attach WebSockets
   */
  public AciExec(AciLogs.Groups lookup, ContainerGroups groups, TrustedTls tls) {
    this.lookup = lookup;
    this.groups = groups;
    this.sockets = new WebSocketOpener(tls.sslContext(), WebSocketOpener.DEFAULT_TIMEOUT);
  }

  /**
   * Blocks on the ARM calls and the handshakes that open the session (each bounded), not on the
   * session itself.
   */
  public CompletionStage<Integer> exec(ContainerRef ref, List<String> command, StreamIO io)
      throws ProviderException {
    String program = ExecCommand.of(command);
    ContainerGroupInner group = lookup.require(ref.pod().namespace(), ref.pod().name());
    AtomicReference<TerminalSize> size = new AtomicReference<>(DEFAULT_SIZE);
    // Delivered at once when the client already sent one; later resizes cannot reach ACI.
    io.onResize(s -> size.compareAndSet(DEFAULT_SIZE, s));
    var session =
        groups.exec(
            group.name(), ref.container(), program, size.get().height(), size.get().width());
    WebSocketBridge bridge = new WebSocketBridge(io.stdout());
    WebSocket ws = sockets.open(URI.create(session.webSocketUri()), bridge, Map.of());
    sockets.sendText(ws, session.password());
    io.stdin()
        .ifPresent(in -> DaemonThreads.start("aci-exec-stdin", () -> bridge.pumpStdin(ws, in)));
    return bridge.ended().thenApply(v -> 0);
  }

  /**
   * The main process's output. ACI's attach API carries no stdin, so attaching with stdin is
   * refused with that reason instead of dropping the input.
   */
  public CompletionStage<Void> attach(ContainerRef ref, StreamIO io) throws ProviderException {
    if (io.stdin().isPresent()) {
      throw ProviderException.invalid(
          "attach with stdin: ACI's attach API streams the main process's output only; use"
              + " kubectl attach without -i to see it, or kubectl exec -i");
    }
    ContainerGroupInner group = lookup.require(ref.pod().namespace(), ref.pod().name());
    var session = groups.attach(group.name(), ref.container());
    WebSocketBridge bridge = new WebSocketBridge(io.stdout());
    sockets.open(
        URI.create(session.webSocketUri()), bridge, Map.of("Authorization", session.password()));
    return bridge.ended();
  }
}
