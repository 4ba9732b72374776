package dev.vk.node;

import dev.vk.kubeletapi.KubeletApiConfig;
import dev.vk.kubeletapi.KubeletApiServer;
import dev.vk.node.api.ApiAccessReviewer;
import dev.vk.node.api.ApiTokenReviewer;
import dev.vk.node.api.KubeletEndpoints;
import dev.vk.node.config.KubeletApiSettings;
import dev.vk.node.config.NodeConfig;
import dev.vk.node.events.ApiEventRecorder;
import dev.vk.node.kube.ApiObjectLookup;
import dev.vk.node.kube.KubeClients;
import dev.vk.node.node.LeaseController;
import dev.vk.node.node.NodeController;
import dev.vk.node.node.NodeTemplate;
import dev.vk.node.node.NodeWatch;
import dev.vk.node.pod.InformerApiPods;
import dev.vk.node.pod.PlacedPods;
import dev.vk.node.pod.PodController;
import dev.vk.node.pod.PodSyncer;
import dev.vk.node.pod.StatusWriter;
import dev.vk.node.pod.Threads;
import dev.vk.podenv.EnvironmentResolver;
import dev.vk.podenv.PodRuntime;
import dev.vk.provider.NodeConfigurer;
import dev.vk.provider.PodLifecycle;
import dev.vk.provider.ProviderException;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodList;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One running node: builds the controllers, starts them in order and stops them. */
public final class VirtualKubelet implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(VirtualKubelet.class);
  private static final Duration SYNC_TIMEOUT = Duration.ofMinutes(2);

  private final NodeConfig config;
  private final PodLifecycle provider;
  private final KubeClients clients;
  private final Clock clock;
  private final PrometheusMeterRegistry meters;
  private final KubeletApiSettings apiSettings;
  private final ScheduledExecutorService loops =
      Executors.newScheduledThreadPool(2, Threads.named("node"));
  private SharedInformerFactory informers;
  private PodController pods;
  private final ApiEventRecorder events;
  private NodeController node;
  private KubeletApiServer apiServer;
  // Removed on close: a replica that leads again registers them anew for the new node.
  private final List<Meter> gauges = new ArrayList<>();

  public VirtualKubelet(
      NodeConfig config,
      KubeletApiSettings apiSettings,
      PodLifecycle provider,
      KubeClients clients,
      ApiEventRecorder events,
      Clock clock,
      PrometheusMeterRegistry meters) {
    this.events = events;
    this.config = config;
    this.apiSettings = apiSettings;
    this.provider = provider;
    this.clients = clients;
    this.clock = clock;
    this.meters = meters;
  }

  /** Starts everything; returns once the node is registered. May block on the API server. */
  public void start() throws ApiException, ProviderException, InterruptedException {
    Optional<NodeConfigurer> configurer =
        provider instanceof NodeConfigurer c ? Optional.of(c) : Optional.empty();
    NodeTemplate template = new NodeTemplate(config, configurer);
    node =
        new NodeController(
            clients.calls(), template, configurer, config.nodeStatusInterval(), clock);
    // A node taken over (another replica, a restart) keeps its heartbeat from the first second,
    // before the pod cache syncs, so the controller-manager never sees it go silent.
    V1Node existing = existingNode();
    LeaseController lease =
        new LeaseController(
            clients.calls(),
            config.nodeName(),
            config.leaseDuration(),
            () -> node.node() != null ? node.node() : existing,
            clock);
    every(lease.renewInterval(), "lease renewal", lease::renew);
    informers = new SharedInformerFactory(clients.watches());
    SharedIndexInformer<V1Pod> podInformer = podInformer();
    InformerApiPods apiPods = new InformerApiPods(podInformer.getIndexer(), clients.calls());
    StatusWriter writer = new StatusWriter(clients.calls(), config.internalIp());
    PlacedPods placed = new PlacedPods();
    var allocatable = template.build(true, "", null).getStatus().getAllocatable();
    PodSyncer syncer =
        new PodSyncer(
            provider,
            apiPods,
            new EnvironmentResolver(new ApiObjectLookup(clients.calls())),
            pod -> new PodRuntime(config.nodeName(), config.internalIp(), null, allocatable),
            events,
            writer,
            placed,
            clock,
            config.internalIp());
    pods =
        new PodController(
            new PodController.Parts(
                podInformer,
                apiPods,
                provider,
                syncer,
                writer,
                placed,
                config.podSyncWorkers(),
                config.reconcileInterval(),
                config.statusPollInterval()));
    NodeWatch watch =
        new NodeWatch(informers, clients.watches(), config.nodeName(), this::reregister);
    informers.startAllRegisteredInformers();
    awaitSynced(podInformer);
    pods.start();
    apiServer = startApiServer(apiPods);
    node.register();
    watch.start();
    if (existing == null) {
      once("lease renewal", lease::renew); // the first lease of a new node, without waiting
    }
    every(Duration.ofSeconds(10), "node status", node::tick);
    gauges.add(
        Gauge.builder("vk.pods", podInformer.getIndexer(), i -> i.list().size())
            .description("pods bound to this node")
            .register(meters));
    gauges.add(Gauge.builder("vk.pods.placed", placed, PlacedPods::size).register(meters));
    gauges.add(
        Gauge.builder("vk.pod.queue.depth", pods, PodController::queueDepth).register(meters));
    gauges.add(
        Gauge.builder("vk.pod.status.writes", writer, StatusWriter::writes).register(meters));
    logger.info("Node {} is running with provider {}", config.nodeName(), config.provider());
  }

  /** Serves logs, exec, attach, port-forward and stats to the API server. */
  private KubeletApiServer startApiServer(InformerApiPods apiPods) throws InterruptedException {
    KubeletApiConfig.Builder b =
        KubeletApiConfig.builder()
            .nodeName(config.nodeName())
            .bindHost(apiSettings.address())
            .port(config.kubeletPort())
            .selfSignedHosts(List.of(config.nodeName(), config.internalIp()))
            .insecure(apiSettings.insecure())
            .tokenReviewer(new ApiTokenReviewer(clients.calls()))
            .accessReviewer(new ApiAccessReviewer(clients.calls()))
            .streamIdleTimeout(apiSettings.streamIdleTimeout())
            .streamCreationTimeout(apiSettings.streamCreationTimeout());
    if (apiSettings.tlsCertFile().isPresent()) {
      b.tls(apiSettings.tlsCertFile().get(), apiSettings.tlsKeyFile().orElseThrow());
    }
    apiSettings.clientCaFile().ifPresent(b::clientCaFile);
    if (apiSettings.clientCaFile().isEmpty() && !apiSettings.insecure()) {
      logger.warn(
          "client-ca-file is not set: the API server's kubelet client certificate cannot be"
              + " verified, so kubectl logs and exec will be refused (401)");
    }
    try {
      return KubeletApiServer.start(
          b.build(), KubeletEndpoints.build(config.nodeName(), provider, apiPods, meters));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot serve the kubelet API on port " + config.kubeletPort(), e);
    }
  }

  private SharedIndexInformer<V1Pod> podInformer() {
    CoreV1Api api = new CoreV1Api(clients.watches());
    String selector = "spec.nodeName=" + config.nodeName();
    // No periodic resync: it would cost a provider call per pod; the reconcile loop covers drift.
    return informers.sharedIndexInformerFor(
        params ->
            api.listPodForAllNamespaces()
                .fieldSelector(selector)
                .resourceVersion(params.resourceVersion)
                .timeoutSeconds(params.timeoutSeconds)
                .watch(params.watch)
                .buildCall(null),
        V1Pod.class,
        V1PodList.class,
        0);
  }

  private void reregister() {
    loops.execute(
        () -> {
          try {
            node.register();
          } catch (ApiException e) {
            logger.warn(
                "Could not register node again: HTTP {} {}", e.getCode(), e.getResponseBody());
          }
        });
  }

  private void awaitSynced(SharedIndexInformer<V1Pod> informer) throws InterruptedException {
    long deadline = System.nanoTime() + SYNC_TIMEOUT.toNanos();
    while (!informer.hasSynced()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("pod cache did not sync within " + SYNC_TIMEOUT);
      }
      Thread.sleep(100);
    }
  }

  /** A loop step that may fail; failures are logged and the loop goes on. */
  private interface Step {
    void run() throws Exception;
  }

  /** The Node as the API server has it, or null when it is not registered yet. */
  private V1Node existingNode() throws ApiException {
    try {
      return new CoreV1Api(clients.calls()).readNode(config.nodeName()).execute();
    } catch (ApiException e) {
      if (e.getCode() == 404) {
        return null;
      }
      throw e;
    }
  }

  private void once(String what, Step step) {
    loops.execute(() -> run(what, step));
  }

  private void run(String what, Step step) {
    try {
      step.run();
    } catch (ApiException e) {
      logger.warn("{} failed: HTTP {} {}", what, e.getCode(), e.getResponseBody());
    } catch (Exception e) {
      logger.warn("{} failed: {}", what, e.toString());
    }
  }

  private void every(Duration period, String what, Step step) {
    loops.scheduleWithFixedDelay(
        () -> run(what, step), 0, period.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    gauges.forEach(meters::remove);
    loops.shutdownNow();
    if (apiServer != null) {
      apiServer.close();
    }
    if (pods != null) {
      pods.close();
    }
    if (informers != null) {
      informers.stopAllRegisteredInformers();
    }
    if (events != null) {
      events.close();
    }
    if (provider instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        logger.warn("Provider did not close cleanly: {}", e.toString());
      }
    }
  }
}
