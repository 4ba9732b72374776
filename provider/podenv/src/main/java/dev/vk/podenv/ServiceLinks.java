package dev.vk.podenv;

import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1ServiceSpec;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The service link variables a kubelet injects ({@code envvars.FromServices}): for each chosen
 * service with a cluster IP, {@code NAME_SERVICE_HOST}, {@code NAME_SERVICE_PORT}, one {@code
 * NAME_SERVICE_PORT_<PORT NAME>} per named port and the Docker-link style {@code NAME_PORT*}.
 */
final class ServiceLinks {

  /** Master services: their variables are injected into every pod, links enabled or not. */
  private static final Set<String> MASTER_SERVICES = Set.of("kubernetes");

  private static final String MASTER_NAMESPACE = "default";

  private ServiceLinks() {}

  /**
   * The variables for a pod in {@code namespace}. As in the kubelet, a same-named service in the
   * pod's own namespace replaces a master service when links are enabled.
   */
  static Map<String, String> forPod(ObjectCache cache, String namespace, boolean enableLinks)
      throws LookupException {
    Map<String, V1Service> chosen = new LinkedHashMap<>();
    // Read by name (a node serving only some namespaces may read nothing else in default), unless
    // default's services are listed anyway for the pod's own links.
    boolean listed = enableLinks && namespace.equals(MASTER_NAMESPACE);
    for (String master : new TreeSet<>(MASTER_SERVICES)) {
      Optional<V1Service> service =
          listed
              ? cache.services(MASTER_NAMESPACE).stream()
                  .filter(s -> master.equals(name(s)))
                  .findFirst()
              : cache.service(MASTER_NAMESPACE, master);
      if (service.isPresent() && hasClusterIp(service.get())) {
        chosen.putIfAbsent(master, service.get());
      }
    }
    if (enableLinks) {
      for (V1Service service : sorted(cache.services(namespace))) {
        boolean master =
            namespace.equals(MASTER_NAMESPACE) && MASTER_SERVICES.contains(name(service));
        if (hasClusterIp(service) && !master) {
          chosen.put(name(service), service);
        }
      }
    }
    Map<String, String> vars = new LinkedHashMap<>();
    chosen.values().forEach(service -> addVariables(service, vars));
    return vars;
  }

  private static void addVariables(V1Service service, Map<String, String> vars) {
    String prefix = envName(name(service));
    String ip = service.getSpec().getClusterIP();
    List<V1ServicePort> ports =
        service.getSpec().getPorts() == null ? List.of() : service.getSpec().getPorts();
    vars.put(prefix + "_SERVICE_HOST", ip);
    if (!ports.isEmpty()) {
      // The first port keeps the backwards-compatible unnamed variable.
      vars.put(prefix + "_SERVICE_PORT", port(ports.get(0)));
    }
    for (V1ServicePort port : ports) {
      if (port.getName() != null && !port.getName().isEmpty()) {
        vars.put(prefix + "_SERVICE_PORT_" + envName(port.getName()), port(port));
      }
    }
    for (int i = 0; i < ports.size(); i++) {
      V1ServicePort port = ports.get(i);
      String protocol =
          port.getProtocol() == null || port.getProtocol().isEmpty() ? "TCP" : port.getProtocol();
      String scheme = protocol.toLowerCase(Locale.ROOT);
      String url = scheme + "://" + hostPort(ip, port(port));
      if (i == 0) {
        vars.put(prefix + "_PORT", url);
      }
      String portPrefix = prefix + "_PORT_" + port(port) + "_" + protocol.toUpperCase(Locale.ROOT);
      vars.put(portPrefix, url);
      vars.put(portPrefix + "_PROTO", scheme);
      vars.put(portPrefix + "_PORT", port(port));
      vars.put(portPrefix + "_ADDR", ip);
    }
  }

  static String envName(String name) {
    return name.replace('-', '_').toUpperCase(Locale.ROOT);
  }

  private static String hostPort(String ip, String port) {
    return ip.indexOf(':') >= 0 ? "[" + ip + "]:" + port : ip + ":" + port;
  }

  private static String port(V1ServicePort port) {
    return String.valueOf(port.getPort() == null ? 0 : port.getPort());
  }

  private static boolean hasClusterIp(V1Service service) {
    V1ServiceSpec spec = service.getSpec();
    String ip = spec == null ? null : spec.getClusterIP();
    return ip != null && !ip.isEmpty() && !ip.equals("None") && name(service) != null;
  }

  private static String name(V1Service service) {
    return service.getMetadata() == null ? null : service.getMetadata().getName();
  }

  /** By name, so that the variables come out in a stable order (the kubelet's is random). */
  private static List<V1Service> sorted(List<V1Service> services) {
    return services.stream()
        .sorted(
            Comparator.comparing(
                ServiceLinks::name, Comparator.nullsFirst(Comparator.naturalOrder())))
        .toList();
  }
}
