package dev.vk.provider.aci.config;

import dev.vk.provider.settings.SettingReader;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How pod features that need facts outside the pod are mapped: the cluster's DNS, ACR pulls with a
 * managed identity, and where image registries are reached to learn an image's entrypoint.
 *
 * @param clusterDns the cluster DNS Service IPs, as the kubelet's {@code --cluster-dns}; empty:
 *     pods with dnsPolicy ClusterFirst fall back to Default, as on a kubelet without it
 * @param clusterDomain the cluster's DNS domain, as the kubelet's {@code --cluster-domain}
 * @param acrIdentity the user-assigned identity resource id groups pull ACR images with, if any
 * @param acrServers the registry host names pulled with {@code acrIdentity}
 * @param registryUrl tests and emulation only: every image registry is reached at this URL
 */
public record WorkloadSettings(
    List<String> clusterDns,
    String clusterDomain,
    Optional<String> acrIdentity,
    List<String> acrServers,
    Optional<URI> registryUrl) {

  /** Nothing configured: no cluster DNS, no ACR identity, registries at their own hosts. */
  public static final WorkloadSettings NONE =
      new WorkloadSettings(
          List.of(), "cluster.local", Optional.empty(), List.of(), Optional.empty());

  static final List<String> NAMES =
      List.of(
          "cluster-dns",
          "cluster-domain",
          "acr-identity",
          "acr-login-servers",
          "image-registry-url");

  /** A DNS name: labels of letters, digits and hyphens, as the kubelet's cluster domain. */
  private static final Pattern DOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  /**
   * Reads and checks the settings. Idempotent; never blocks (IP literals are never resolved).
   *
   * @throws dev.vk.provider.settings.SettingException naming the bad setting
   */
  static WorkloadSettings from(SettingReader r) {
    List<String> dns = r.list("cluster-dns");
    for (String ip : dns) {
      if (!literalIp(ip)) {
        throw r.invalid("cluster-dns", ip, "a comma-separated list of IP addresses");
      }
    }
    String domain =
        r.checked(
            "cluster-domain",
            "cluster.local",
            v -> v.endsWith(".") ? v.substring(0, v.length() - 1) : v,
            v -> DOMAIN.matcher(v).matches(),
            "a lowercase DNS name like cluster.local");
    Optional<String> identity =
        Optional.ofNullable(
            r.checked(
                "acr-identity",
                null,
                v -> v,
                v -> v.startsWith("/subscriptions/"),
                "a user-assigned identity resource id (/subscriptions/...)"));
    List<String> servers = r.list("acr-login-servers");
    if (identity.isEmpty() && !servers.isEmpty()) {
      throw r.invalid(
          "acr-login-servers", String.join(",", servers), "azure-acr-identity set with it");
    }
    if (identity.isPresent() && servers.isEmpty()) {
      servers = List.of("*.azurecr.io");
    }
    Optional<URI> registry =
        r.url("image-registry-url", "http", "https")
            .map(u -> URI.create(u.toString().replaceAll("/+$", "")));
    return new WorkloadSettings(dns, domain, identity, servers, registry);
  }

  /** Whether images from {@code host} are pulled with the ACR identity. */
  public boolean pullsWithIdentity(String host) {
    if (acrIdentity.isEmpty()) {
      return false;
    }
    String h = host.toLowerCase(java.util.Locale.ROOT);
    for (String pattern : acrServers) {
      String p = pattern.toLowerCase(java.util.Locale.ROOT);
      boolean match = p.startsWith("*.") ? h.endsWith(p.substring(1)) : h.equals(p);
      if (match) {
        return true;
      }
    }
    return false;
  }

  private static boolean literalIp(String value) {
    if (!value.matches("\\d{1,3}(\\.\\d{1,3}){3}")
        && !value.matches("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
      return false; // never resolve a host name here
    }
    try {
      InetAddress.getByName(value);
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
