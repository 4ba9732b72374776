package dev.vk.emulator.aci.vnet;

/** An IPv4 CIDR range: its addresses by index, as a subnet numbers its hosts. */
public record Subnet(int base, int prefix) {

  /** Parses {@code a.b.c.d/n}; the host bits of the address are ignored. */
  public static Subnet parse(String cidr) {
    String[] parts = cidr == null ? new String[0] : cidr.split("/");
    if (parts.length != 2) {
      throw new IllegalArgumentException("not an IPv4 CIDR like 10.1.0.0/24: " + cidr);
    }
    int prefix = Integer.parseInt(parts[1]);
    if (prefix < 8 || prefix > 29) {
      throw new IllegalArgumentException("subnet " + cidr + ": prefix must be /8 to /29");
    }
    int mask = (int) (0xffffffffL << (32 - prefix));
    return new Subnet(toInt(parts[0]) & mask, prefix);
  }

  /** How many addresses the range has, network and broadcast address included. */
  public int size() {
    return 1 << (32 - prefix);
  }

  /** The {@code index}-th address of the range (0 is the network address). */
  public String address(int index) {
    if (index < 0 || index >= size()) {
      throw new IllegalArgumentException("index " + index + " outside " + this);
    }
    int a = base + index;
    return ((a >>> 24) & 0xff)
        + "."
        + ((a >>> 16) & 0xff)
        + "."
        + ((a >>> 8) & 0xff)
        + "."
        + (a & 0xff);
  }

  @Override
  public String toString() {
    return address(0) + "/" + prefix;
  }

  private static int toInt(String dotted) {
    String[] octets = dotted.split("\\.");
    if (octets.length != 4) {
      throw new IllegalArgumentException("not an IPv4 address: " + dotted);
    }
    int value = 0;
    for (String octet : octets) {
      int o = Integer.parseInt(octet);
      if (o < 0 || o > 255) {
        throw new IllegalArgumentException("not an IPv4 address: " + dotted);
      }
      value = (value << 8) | o;
    }
    return value;
  }
}
