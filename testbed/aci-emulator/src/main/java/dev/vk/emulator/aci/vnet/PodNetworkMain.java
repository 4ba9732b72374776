package dev.vk.emulator.aci.vnet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The pod network helper, run by the emulator inside the VNet namespace ({@code ip netns exec}).
 * Reads commands from stdin, one a line: {@code up IP PORT,PORT...} and {@code down IP}; exits when
 * stdin ends, so it never outlives the emulator.
 */
public final class PodNetworkMain {

  static final String READY = "pod network ready";

  private PodNetworkMain() {}

  public static void main(String[] args) throws IOException {
    try (EchoListeners listeners = new EchoListeners()) {
      System.out.println(READY);
      System.out.flush();
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] words = line.trim().split(" ");
        if (words.length == 3 && words[0].equals("up")) {
          listeners.up(words[1], ports(words[2]));
        } else if (words.length == 2 && words[0].equals("down")) {
          listeners.down(words[1]);
        } else {
          System.err.println("pod network: ignoring \"" + line + "\"");
        }
      }
    }
  }

  static String upCommand(String ip, Set<Integer> ports) {
    return "up " + ip + " " + ports.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  private static Set<Integer> ports(String list) {
    return Arrays.stream(list.split(",")).map(Integer::valueOf).collect(Collectors.toSet());
  }
}
