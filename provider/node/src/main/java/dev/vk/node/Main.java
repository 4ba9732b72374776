package dev.vk.node;

import ch.qos.logback.classic.Level;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.node.config.ConfigException;
import dev.vk.node.config.KubeletApiSettings;
import dev.vk.node.config.LeaderElectionSettings;
import dev.vk.node.config.NodeConfig;
import dev.vk.node.config.ServedNamespaces;
import dev.vk.node.config.SettingCatalog;
import dev.vk.node.config.Settings;
import dev.vk.node.events.ApiEventRecorder;
import dev.vk.node.ha.ApiLeaseStore;
import dev.vk.node.ha.ElectedNode;
import dev.vk.node.ha.FencedApi;
import dev.vk.node.ha.FencedProvider;
import dev.vk.node.ha.WriteGate;
import dev.vk.node.health.HealthChecks;
import dev.vk.node.health.HealthServer;
import dev.vk.node.kube.ApiKubernetesAccess;
import dev.vk.node.kube.ConnectAhead;
import dev.vk.node.kube.KubeClients;
import dev.vk.node.kube.ReferencedObjects;
import dev.vk.node.kube.StreamingJson;
import dev.vk.node.metrics.NodeMeters;
import dev.vk.node.metrics.RateLimitMeters;
import dev.vk.node.pod.NodeWrites;
import dev.vk.provider.KubernetesAccess;
import dev.vk.provider.PodLifecycle;
import dev.vk.provider.ProviderContext;
import dev.vk.provider.ProviderFactory;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The virtual-kubelet command: reads configuration, picks the provider, runs the node. */
public final class Main {
  private static final Logger logger = LoggerFactory.getLogger(Main.class);

  /** Everything one node needs that outlives a leadership term. */
  private record Parts(
      List<ProviderFactory> providers,
      Settings settings,
      NodeConfig config,
      KubeletApiSettings api,
      PrometheusMeterRegistry meters,
      HealthChecks health) {}

  private Main() {}

  public static void main(String[] args) throws InterruptedException {
    List<ProviderFactory> providers =
        ServiceLoader.load(ProviderFactory.class).stream()
            .map(ServiceLoader.Provider::get)
            .toList();
    if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
      System.out.println(SettingCatalog.help(providers));
      return;
    }
    // Before any client reads or writes a model: one streaming pass instead of the client's trees.
    StreamingJson.install();
    Parts parts;
    LeaderElectionSettings election;
    try {
      Settings settings = Settings.load(args, System.getenv(), SettingCatalog.names(providers));
      setLogLevel(
          settings.reader().oneOf("log-level", "info", "trace", "debug", "info", "warn", "error"));
      NodeConfig config = NodeConfig.from(settings);
      ServedNamespaces.from(settings); // a bad list stops the node here, not in a later term
      election = LeaderElectionSettings.from(settings, config.nodeName(), System.getenv());
      // A single replica's clients are its node's for good: they connect while the rest starts.
      ConnectAhead connecting = election.enabled() ? null : ConnectAhead.start(config.kubeconfig());
      parts =
          new Parts(
              providers,
              settings,
              config,
              KubeletApiSettings.from(settings),
              new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
              new HealthChecks());
      factory(providers, config);
      if (connecting != null) {
        runAlone(parts, connecting);
      } else {
        runElected(parts, election);
      }
      // Once per process (every term shares the JVM), and after the node is up: nothing scrapes
      // before the node is Ready, and its start is what these classes would delay.
      NodeMeters.jvm(parts.meters());
    } catch (ConfigException | IllegalArgumentException e) {
      System.err.println("virtual-kubelet: " + e.getMessage());
      System.exit(2);
      return;
    } catch (ProviderException e) {
      System.err.println("virtual-kubelet: provider cannot start: " + e.getMessage());
      System.exit(3);
      return;
    }
    new CountDownLatch(1).await();
  }

  /** A single replica: the node runs at once, its writes always allowed. */
  private static void runAlone(Parts parts, ConnectAhead connecting)
      throws ProviderException, InterruptedException {
    NodeMeters.leader(parts.meters(), () -> true); // the only replica always leads
    // The provider is built while the API connections open (most providers call only their
    // cloud); the node's own calls wait for those connections, so none opens one of its own.
    VirtualKubelet node = build(parts, connecting.built(), WriteGate.ALWAYS);
    connecting.clients();
    Runtime.getRuntime().addShutdownHook(new Thread(node::close, "shutdown"));
    try {
      node.start();
    } catch (Exception e) {
      if (node.stopping()) { // stopped (SIGTERM) while starting: no failure, and exit is under way
        logger.info("Node stopped while it was starting");
        return;
      }
      logger.error("Node failed to start", e);
      System.exit(1);
    }
  }

  /**
   * One of several replicas: the node runs only while this one leads. Each term builds its own API
   * clients and provider behind the term's gate, so nothing of a deposed term can write, and the
   * provider reloads the cloud's state instead of trusting what an earlier term remembered.
   */
  private static void runElected(Parts parts, LeaderElectionSettings election) {
    // One health server for the process: a standby answers its probes too (it is ready to take
    // over), and each term's node adds its checks while it runs.
    HealthServer health = serveHealth(parts);
    KubeClients electionClients =
        KubeClients.connect(parts.config().kubeconfig(), election.renewDeadline().dividedBy(2));
    ElectedNode elected =
        ElectedNode.start(
            new ApiLeaseStore(electionClients.calls(), election.namespace(), election.name()),
            new ElectedNode.ElectionTimings(
                election.identity(),
                election.leaseDuration(),
                election.renewDeadline(),
                election.retryPeriod(),
                System::nanoTime,
                Clock.systemUTC()),
            gate -> {
              KubeClients clients = KubeClients.connect(parts.config().kubeconfig());
              VirtualKubelet node = build(parts, clients, gate);
              AutoCloseable stop =
                  () -> {
                    FencedApi.cut(clients.calls()); // nothing of this term may still be in flight
                    node.close();
                  };
              try {
                node.start();
              } catch (Exception e) {
                stop.close();
                throw e;
              }
              return stop;
            },
            Main::startFailed,
            parts.meters());
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  elected.close();
                  if (health != null) {
                    health.close();
                  }
                },
                "shutdown"));
  }

  /** The process's health server, or null when health-port is 0. */
  private static HealthServer serveHealth(Parts parts) {
    NodeConfig config = parts.config();
    if (config.healthPort() == 0) {
      return null;
    }
    try {
      return HealthServer.start(
          config.healthAddress(), config.healthPort(), parts.health(), parts.meters());
    } catch (IOException e) {
      throw new ConfigException(
          "cannot serve health on "
              + config.healthAddress()
              + ":"
              + config.healthPort()
              + ": "
              + e.getMessage());
    }
  }

  /** The node with its clients and provider, every write checked against {@code gate}. */
  private static VirtualKubelet build(Parts parts, KubeClients clients, WriteGate gate)
      throws ProviderException {
    NodeConfig config = parts.config();
    if (gate != WriteGate.ALWAYS) {
      FencedApi.install(clients.calls(), gate);
    }
    ApiEventRecorder events =
        new ApiEventRecorder(clients.calls(), config.nodeName(), Clock.systemUTC());
    NodeWrites writes = new NodeWrites();
    // One watch per referenced object, shared by the providers and the environment resolver.
    ReferencedObjects objects = ReferencedObjects.start(clients);
    KubernetesAccess kubernetes = new ApiKubernetesAccess(clients.calls(), objects, events, writes);
    ProviderFactory factory = factory(parts.providers(), config);
    String prefix = factory.name() + "-";
    PodLifecycle provider =
        factory.create(
            new ProviderContext(
                config.nodeName(),
                config.internalIp(),
                name -> parts.settings().get(prefix + name),
                kubernetes,
                new RateLimitMeters(factory.name(), parts.meters())));
    if (gate != WriteGate.ALWAYS) {
      provider = FencedProvider.wrap(provider, gate);
    }
    VirtualKubelet node =
        new VirtualKubelet(
                config, parts.api(), provider, clients, events, Clock.systemUTC(), parts.meters())
            .serving(ServedNamespaces.from(parts.settings()))
            .ownWrites(writes)
            .readingThrough(objects);
    // A single replica serves its own health; an elected one reports to the process's server.
    return gate == WriteGate.ALWAYS ? node : node.reportingTo(parts.health());
  }

  /** A leader whose node cannot start exits as a single replica would, with the same codes. */
  private static void startFailed(Exception e) {
    System.err.println("virtual-kubelet: " + e.getMessage());
    boolean config = e instanceof ConfigException || e instanceof IllegalArgumentException;
    System.exit(config ? 2 : e instanceof ProviderException ? 3 : 1);
  }

  private static ProviderFactory factory(List<ProviderFactory> providers, NodeConfig config) {
    return providers.stream()
        .filter(p -> p.name().equals(config.provider()))
        .findFirst()
        .orElseThrow(
            () ->
                new ConfigException(
                    "provider '"
                        + config.provider()
                        + "' is not one of: "
                        + providers.stream()
                            .map(ProviderFactory::name)
                            .collect(Collectors.joining(", "))));
  }

  private static void setLogLevel(String level) {
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
        .setLevel(Level.toLevel(level));
  }
}
