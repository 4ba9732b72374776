package dev.vk.emulator.aci.vnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pod network's "containers": an echo per (IP, port) while the IP is up. */
class EchoListenersTest {

  private static final String IP = "127.78.0.4";

  private final EchoListeners listeners = new EchoListeners();

  @AfterEach
  void close() {
    listeners.close();
  }

  @Test
  void anUpIpEchoesOnItsPortsAndMirrorsTheHalfClose() throws IOException {
    int port = freePort();
    listeners.up(IP, Set.of(port));

    try (Socket s = new Socket(IP, port)) {
      s.getOutputStream().write("ping".getBytes(StandardCharsets.UTF_8));
      s.shutdownOutput();

      assertThat(new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("ping");
    }
  }

  @Test
  void downClosesOpenConnectionsAndRefusesNewOnes() throws IOException {
    int port = freePort();
    listeners.up(IP, Set.of(port));
    try (Socket s = new Socket(IP, port)) {
      s.getOutputStream().write(1);
      assertThat(s.getInputStream().read()).isEqualTo(1);

      listeners.down(IP);

      assertThat(readOrReset(s)).isEqualTo(-1);
    }
    assertThatThrownBy(() -> connectFromOtherAddress(port)).isInstanceOf(ConnectException.class);
  }

  /**
   * A connect from 127.0.0.1: a client on the listener's own address could be given the closed port
   * as its source and connect to itself (TCP self-connect), reading as "still listening".
   */
  private static void connectFromOtherAddress(int port) throws IOException {
    try (Socket s = new Socket()) {
      s.bind(new InetSocketAddress("127.0.0.1", 0));
      s.connect(new InetSocketAddress(IP, port));
    }
  }

  private static int readOrReset(Socket s) {
    try {
      return s.getInputStream().read();
    } catch (IOException reset) {
      return -1;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(IP, 0));
      return s.getLocalPort();
    }
  }
}
