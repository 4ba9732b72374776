package dev.vk.node;

import ch.qos.logback.classic.Level;
import dev.vk.node.config.ConfigException;
import dev.vk.node.config.KubeletApiSettings;
import dev.vk.node.config.NodeConfig;
import dev.vk.node.config.ServedNamespaces;
import dev.vk.node.config.SettingCatalog;
import dev.vk.node.config.Settings;
import dev.vk.node.events.ApiEventRecorder;
import dev.vk.node.kube.ApiKubernetesAccess;
import dev.vk.node.kube.KubeClients;
import dev.vk.node.metrics.RateLimitMeters;
import dev.vk.provider.KubernetesAccess;
import dev.vk.provider.PodLifecycle;
import dev.vk.provider.ProviderContext;
import dev.vk.provider.ProviderException;
import dev.vk.provider.ProviderFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
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
    VirtualKubelet node;
    try {
      Settings settings = Settings.load(args, System.getenv(), SettingCatalog.names(providers));
      setLogLevel(settings.get("log-level").orElse("info"));
      NodeConfig config = NodeConfig.from(settings);
      KubeletApiSettings api = KubeletApiSettings.from(settings);
      ServedNamespaces served = ServedNamespaces.from(settings);
      KubeClients clients = KubeClients.connect(config.kubeconfig());
      ApiEventRecorder events =
          new ApiEventRecorder(clients.calls(), config.nodeName(), Clock.systemUTC());
      KubernetesAccess kubernetes = new ApiKubernetesAccess(clients.calls(), events);
      PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      PodLifecycle provider = provider(providers, config, settings, kubernetes, meters);
      node =
          new VirtualKubelet(config, api, provider, clients, events, Clock.systemUTC(), meters)
              .serving(served);
    } catch (ConfigException | IllegalArgumentException e) {
      System.err.println("virtual-kubelet: " + e.getMessage());
      System.exit(2);
      return;
    } catch (ProviderException e) {
      System.err.println("virtual-kubelet: provider cannot start: " + e.getMessage());
      System.exit(3);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(node::close, "shutdown"));
    try {
      node.start();
    } catch (Exception e) {
      logger.error("Node failed to start", e);
      System.exit(1);
    }
    new CountDownLatch(1).await();
  }

  private static PodLifecycle provider(
      List<ProviderFactory> providers,
      NodeConfig config,
      Settings settings,
      KubernetesAccess kubernetes,
      MeterRegistry meters)
      throws ProviderException {
    ProviderFactory factory =
        providers.stream()
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
    String prefix = factory.name() + "-";
    return factory.create(
        new ProviderContext(
            config.nodeName(),
            config.internalIp(),
            name -> settings.get(prefix + name),
            kubernetes,
            new RateLimitMeters(factory.name(), meters)));
  }

  private static void setLogLevel(String level) {
    Level parsed = Level.toLevel(level, null);
    if (parsed == null) {
      throw new ConfigException(
          "log-level '" + level + "' must be trace, debug, info, warn or error");
    }
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
        .setLevel(parsed);
  }
}
