package dev.vk.provider.aci.mapping;

import com.azure.resourcemanager.containerinstance.models.DnsConfiguration;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.aci.config.WorkloadSettings;
import io.kubernetes.client.openapi.models.V1PodDNSConfig;
import io.kubernetes.client.openapi.models.V1PodDNSConfigOption;
import io.kubernetes.client.openapi.models.V1PodSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A pod's dnsPolicy and dnsConfig to the group's {@code dnsConfig}, built as the kubelet builds
 * resolv.conf (pkg/kubelet/network/dns): ClusterFirst gives the cluster DNS IPs, the search list
 * {@code <ns>.svc.<domain> svc.<domain> <domain>} and {@code ndots:5}; Default keeps ACI's own
 * resolver (no dnsConfig); None gives only the pod's dnsConfig, which the other policies append to.
 * ACI applies a dnsConfig only to groups in a virtual network, so without {@code subnet-ids}
 * ClusterFirst falls back to Default with a warning, and a dnsConfig is refused. Pure and
 * thread-safe.
 */
public final class DnsMapper {

  /** The kubelet's Event reason when ClusterFirst falls back to Default. */
  public static final String FALLBACK_REASON = "MissingClusterDNS";

  /** glibc reads 3 name servers; the kubelet and API validation keep to that. */
  static final int MAX_NAMESERVERS = 3;

  static final int MAX_SEARCHES = 32;
  static final int MAX_SEARCH_CHARS = 2048;

  /**
   * @param config the group's dnsConfig, or null for ACI's own resolver
   * @param warning why ClusterFirst fell back to Default, or null
   */
  record Mapped(DnsConfiguration config, String warning) {}

  private DnsMapper() {}

  static Mapped map(String namespace, V1PodSpec spec, WorkloadSettings settings, boolean vnet)
      throws ProviderException {
    String policy = spec.getDnsPolicy() == null ? "ClusterFirst" : spec.getDnsPolicy();
    V1PodDNSConfig pod = spec.getDnsConfig();
    boolean podConfig =
        pod != null
            && (notEmpty(pod.getNameservers())
                || notEmpty(pod.getSearches())
                || notEmpty(pod.getOptions()));
    List<String> servers = new ArrayList<>();
    List<String> searches = new ArrayList<>();
    Map<String, String> options = new LinkedHashMap<>();
    String warning = null;
    switch (policy) {
      case "None" -> {
        if (!vnet) {
          throw Rejection.of(
              "spec.dnsPolicy",
              "None needs a dnsConfig, and ACI applies one only in a virtual"
                  + " network (this node has no azure-subnet-ids)");
        }
      }
      case "ClusterFirst", "ClusterFirstWithHostNet" -> {
        if (settings.clusterDns().isEmpty()) {
          warning =
              "the node has no cluster DNS IP (azure-cluster-dns) and cannot give the pod "
                  + policy
                  + " DNS; falling back to Default: ACI's own resolver, without cluster names";
        } else if (!vnet) {
          warning =
              "ACI applies DNS settings only to container groups in a virtual network and this"
                  + " node has no azure-subnet-ids; falling back from "
                  + policy
                  + " to Default: ACI's own resolver, without cluster names";
        } else {
          servers.addAll(settings.clusterDns());
          String domain = settings.clusterDomain();
          searches.add(namespace + ".svc." + domain);
          searches.add("svc." + domain);
          searches.add(domain);
          options.put("ndots", "5");
        }
      }
      case "Default" -> {}
      default -> throw Rejection.of("spec.dnsPolicy", "unknown policy \"" + policy + "\"");
    }
    boolean ownResolver = !policy.equals("None") && servers.isEmpty();
    if (podConfig && ownResolver) {
      throw Rejection.of(
          "spec.dnsConfig",
          vnet
              ? "ACI cannot add entries to its own resolver configuration (dnsPolicy "
                  + (warning == null ? policy : "Default, the fallback of " + policy)
                  + "); use dnsPolicy None with the whole configuration"
              : "ACI applies DNS settings only to container groups in a virtual network (this"
                  + " node has no azure-subnet-ids)");
    }
    if (ownResolver) {
      return new Mapped(null, warning);
    }
    if (pod != null) {
      servers.addAll(orEmpty(pod.getNameservers()));
      searches.addAll(orEmpty(pod.getSearches()));
      for (V1PodDNSConfigOption o : orEmpty(pod.getOptions())) {
        options.put(o.getName(), o.getValue() == null ? "" : o.getValue());
      }
    }
    return new Mapped(build(servers, searches, options), warning);
  }

  private static DnsConfiguration build(
      List<String> servers, List<String> searches, Map<String, String> options)
      throws ProviderException {
    Set<String> uniqueServers = new LinkedHashSet<>(servers);
    Set<String> uniqueSearches = new LinkedHashSet<>(searches);
    if (uniqueServers.isEmpty()) {
      throw Rejection.of("spec.dnsConfig.nameservers", "ACI needs at least one name server");
    }
    if (uniqueServers.size() > MAX_NAMESERVERS) {
      throw Rejection.of(
          "spec.dnsConfig.nameservers",
          "with the policy's, "
              + uniqueServers
              + " are more than the "
              + MAX_NAMESERVERS
              + " name servers a resolver uses");
    }
    String searchLine = String.join(" ", uniqueSearches);
    if (uniqueSearches.size() > MAX_SEARCHES || searchLine.length() > MAX_SEARCH_CHARS) {
      throw Rejection.of(
          "spec.dnsConfig.searches",
          "with the policy's, more than "
              + MAX_SEARCHES
              + " search domains or "
              + MAX_SEARCH_CHARS
              + " characters");
    }
    List<String> opts = new ArrayList<>();
    options.forEach((k, v) -> opts.add(v.isEmpty() ? k : k + ":" + v));
    return new DnsConfiguration()
        .withNameServers(List.copyOf(uniqueServers))
        .withSearchDomains(searchLine.isEmpty() ? null : searchLine)
        .withOptions(opts.isEmpty() ? null : String.join(" ", opts));
  }

  private static boolean notEmpty(List<?> list) {
    return list != null && !list.isEmpty();
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
