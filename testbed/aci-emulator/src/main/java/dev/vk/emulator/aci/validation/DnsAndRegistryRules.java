package dev.vk.emulator.aci.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vk.emulator.aci.arm.ArmException;
import java.util.Iterator;
import java.util.Locale;

/**
 * ACI's rules for {@code dnsConfig} (only for groups in a virtual network, {@code nameServers}
 * required, at most {@link #MAX_NAME_SERVERS}) and for {@code imageRegistryCredentials} (a server,
 * and either a username with a password or a managed identity the group has).
 */
final class DnsAndRegistryRules {

  static final int MAX_NAME_SERVERS = 3;

  private DnsAndRegistryRules() {}

  static void check(String group, JsonNode body) {
    JsonNode props = body.path("properties");
    JsonNode dns = props.path("dnsConfig");
    if (!dns.isMissingNode() && !dns.isNull()) {
      if (!props.path("subnetIds").isArray() || props.path("subnetIds").isEmpty()) {
        throw new ArmException(
            400,
            "DnsConfigurationRequiresVirtualNetwork",
            "The DNS configuration of container group '"
                + group
                + "' is only supported for container groups deployed in a virtual network.");
      }
      JsonNode servers = dns.path("nameServers");
      if (!servers.isArray() || servers.isEmpty()) {
        throw ArmException.missingProperty("nameServers", "properties.dnsConfig");
      }
      if (servers.size() > MAX_NAME_SERVERS) {
        throw new ArmException(
            400,
            "InvalidDnsConfiguration",
            "The DNS configuration of container group '"
                + group
                + "' has "
                + servers.size()
                + " name servers; at most "
                + MAX_NAME_SERVERS
                + " are allowed.");
      }
    }
    JsonNode credentials = props.path("imageRegistryCredentials");
    for (int i = 0; i < credentials.size(); i++) {
      checkCredential(group, body, credentials.get(i), i);
    }
  }

  private static void checkCredential(String group, JsonNode body, JsonNode c, int i) {
    String path = "properties.imageRegistryCredentials[" + i + "]";
    if (c.path("server").asText("").isEmpty()) {
      throw ArmException.missingProperty("server", path);
    }
    String identity = c.path("identity").asText("");
    if (identity.isEmpty()) {
      if (c.path("username").asText("").isEmpty()) {
        throw ArmException.missingProperty("username", path);
      }
      return;
    }
    if (!attached(body.path("identity").path("userAssignedIdentities"), identity)) {
      throw new ArmException(
          400,
          "InvalidImageRegistryCredentialIdentity",
          "The identity '"
              + identity
              + "' of image registry credential '"
              + c.path("server").asText()
              + "' in container group '"
              + group
              + "' is not one of the group's user assigned identities.");
    }
  }

  private static boolean attached(JsonNode identities, String id) {
    for (Iterator<String> names = identities.fieldNames(); names.hasNext(); ) {
      if (names.next().toLowerCase(Locale.ROOT).equals(id.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }
}
