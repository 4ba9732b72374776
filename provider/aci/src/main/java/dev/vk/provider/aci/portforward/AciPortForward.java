package dev.vk.provider.aci.portforward;

import com.azure.resourcemanager.containerinstance.fluent.models.ContainerGroupInner;
import com.azure.resourcemanager.containerinstance.models.ContainerGroupIpAddressType;
import com.azure.resourcemanager.containerinstance.models.IpAddress;
import dev.vk.kubelet.types.PodRef;
import dev.vk.kubelet.types.PortStream;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.aci.logs.AciLogs;
import dev.vk.provider.aci.status.AciState;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * {@code kubectl port-forward} to an ACI pod. ACI has no port-forward API, so the node dials the
 * container group's private IP itself: only groups in a VNet subnet ({@code azure-subnet-ids}) have
 * one the node can reach. A group with a public IP is refused rather than dialled, since its public
 * address exposes only the listed ports to the whole internet and port-forward must not depend on
 * that.
 */
public final class AciPortForward {

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final AciLogs.Groups lookup;

  /**
   * @param lookup finds a running pod's group
   */
  public AciPortForward(AciLogs.Groups lookup) {
    this.lookup = lookup;
  }

  /**
   * Blocks on one ARM GET and the TCP connect (at most {@link #CONNECT_TIMEOUT}), then copies in
   * the background ({@link TcpSplice}). Not idempotent: each call is one connection.
   *
   * @throws ProviderException NOT_FOUND for an unknown pod; INVALID_INPUT when the pod is not
   *     running or has no private IP; UNAVAILABLE when the port does not accept the connection
   */
  public CompletionStage<Void> forward(PodRef pod, int port, PortStream stream)
      throws ProviderException {
    if (port < 1 || port > 65535) {
      throw ProviderException.invalid("port " + port + " is not between 1 and 65535");
    }
    ContainerGroupInner group = lookup.require(pod.namespace(), pod.name());
    String state = group.instanceView() == null ? null : group.instanceView().state();
    if (AciState.of(state) != AciState.RUNNING) {
      throw ProviderException.invalid(
          "pod " + pod + " is not running (container group state " + state + ")");
    }
    String ip = privateIp(group);
    if (ip == null) {
      throw ProviderException.invalid(
          "pod "
              + pod
              + " has no private IP: ACI has no port-forward API, so the node connects to the"
              + " container group's private IP, which only groups in a VNet subnet get; run the"
              + " node in VNet mode (azure-subnet-ids)");
    }
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(ip, port), (int) CONNECT_TIMEOUT.toMillis());
    } catch (IOException e) {
      closeQuietly(socket);
      throw new ProviderException(
          ProviderException.Kind.UNAVAILABLE,
          "cannot connect to port " + port + " of pod " + pod + " at " + ip + ": " + e.getMessage(),
          e);
    }
    return TcpSplice.start(socket, stream, "aci-pf-" + ip + ":" + port);
  }

  private static String privateIp(ContainerGroupInner group) {
    IpAddress ip = group.ipAddress();
    if (ip == null || ip.ip() == null || ip.ip().isBlank()) {
      return null;
    }
    return ContainerGroupIpAddressType.PRIVATE.equals(ip.type()) ? ip.ip() : null;
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // nothing was sent yet
    }
  }
}
