package dev.vk.node;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.kubeletapi.KubeletApiConfig;
import dev.vk.kubeletapi.KubeletApiServer;
import dev.vk.node.config.KubeletApiSettings;
import dev.vk.node.config.NodeConfig;
import dev.vk.node.config.ServedNamespaces;
import dev.vk.node.events.ApiEventRecorder;
import dev.vk.node.health.ApiContact;
import dev.vk.node.health.HealthChecks;
import dev.vk.node.health.HealthChecks.Probe;
import dev.vk.node.health.HealthServer;
import dev.vk.node.health.WatchActivity;
import dev.vk.node.kube.CacheTrim;
import dev.vk.node.kube.CachedObjectLookup;
import dev.vk.node.kube.KubeClients;
import dev.vk.node.kube.ReferencedObjects;
import dev.vk.node.kube.ServiceCache;
import dev.vk.node.kubelet.ApiAccessReviewer;
import dev.vk.node.kubelet.ApiTokenReviewer;
import dev.vk.node.kubelet.KubeletEndpoints;
import dev.vk.node.metrics.KubeletApiMeters;
import dev.vk.node.metrics.NodeMeters;
import dev.vk.node.metrics.ProviderCallMetrics;
import dev.vk.node.nodeobject.LeaseController;
import dev.vk.node.nodeobject.NodeController;
import dev.vk.node.nodeobject.NodeTemplate;
import dev.vk.node.nodeobject.NodeWatch;
import dev.vk.node.pod.InformerApiPods;
import dev.vk.node.pod.NodeWrites;
import dev.vk.node.pod.PlacedPods;
import dev.vk.node.pod.PodController;
import dev.vk.node.pod.PodListerWatcher;
import dev.vk.node.pod.StartupList;
import dev.vk.podenv.EnvironmentResolver;
import dev.vk.podenv.PodRuntime;
import dev.vk.provider.DaemonThreads;
import dev.vk.provider.NodeConfigurer;
import dev.vk.provider.PodLifecycle;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1Pod;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One running node: builds the controllers, starts them in order and stops them. */
public final class VirtualKubelet implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(VirtualKubelet.class);
  private static final Duration SYNC_TIMEOUT = Duration.ofMinutes(2);

  /**
   * Silence that means a stuck pod informer: client-java's longest watch (10 minutes) ends with a
   * new watch call even when nothing changes, and bookmarks arrive about every minute.
   */
  static final Duration WATCH_STALL = Duration.ofMinutes(15);

  private final NodeConfig config;
  private final PodLifecycle provider;
  private final KubeClients clients;
  private final Clock clock;
  private final PrometheusMeterRegistry meters;
  private final KubeletApiSettings apiSettings;
  private ServedNamespaces served = ServedNamespaces.ALL;
  private NodeWrites writes = new NodeWrites();
  private final ScheduledExecutorService loops =
      Executors.newScheduledThreadPool(2, DaemonThreads.factory("node"));
  private SharedInformerFactory informers;
  private ServiceCache services;
  private ReferencedObjects objects;
  private PodController pods;
  private final ApiEventRecorder events;
  private NodeController node;
  private KubeletApiServer apiServer;
  private HealthChecks health = new HealthChecks();
  private boolean ownsHealth = true;
  private final List<String> checks = new ArrayList<>();
  private final List<Future<?>> loopTasks = new CopyOnWriteArrayList<>();
  private volatile HealthServer healthServer;
  private volatile SharedIndexInformer<V1Pod> podInformer;
  private volatile boolean started;
  private volatile boolean stopping;
  // Removed on close: a replica that leads again registers them anew for its new node.
  private final List<Meter.Id> termMeters = new ArrayList<>();

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
    this.provider = ProviderCallMetrics.instrument(provider, config.provider(), meters);
    this.clients = clients;
    this.clock = clock;
    this.meters = meters;
  }

  /**
   * Registers this node's checks with {@code shared}, served by a health server its owner runs (one
   * per process, for every term a replica leads), instead of serving its own. Call before {@link
   * #start()}; the checks are removed again on {@link #close()}.
   *
   * @return this node
   */
  public VirtualKubelet reportingTo(HealthChecks shared) {
    this.health = shared;
    this.ownsHealth = false;
    return this;
  }

  /**
   * Runs only the pods of these namespaces (setting namespaces); call before {@link #start()}.
   *
   * @return this node
   */
  public VirtualKubelet serving(ServedNamespaces namespaces) {
    this.served = namespaces;
    return this;
  }

  /**
   * Shares what the node writes on pods outside this class (the provider's annotations, through its
   * KubernetesAccess), so those writes are not taken for user updates; call before {@link
   * #start()}.
   *
   * @return this node
   */
  public VirtualKubelet ownWrites(NodeWrites writes) {
    this.writes = writes;
    return this;
  }

  /**
   * Reads referenced ConfigMaps and Secrets through {@code shared}, the watch caches the provider's
   * KubernetesAccess reads through too; this node closes them. Call before {@link #start()};
   * without it the node starts its own.
   *
   * @return this node
   */
  public VirtualKubelet readingThrough(ReferencedObjects shared) {
    this.objects = shared;
    return this;
  }

  private ReferencedObjects referenced() {
    if (objects == null) {
      objects = ReferencedObjects.start(clients);
    }
    return objects;
  }

  /** Starts everything; returns once the node is registered. May block on the API server. */
  public void start() throws ApiException, ProviderException, InterruptedException {
    check(
        "node",
        () -> started ? Optional.empty() : Optional.of("node is starting"),
        Probe.READINESS);
    if (ownsHealth) {
      serveHealth();
    }
    StartupList providerPods = StartupList.begin(provider);
    Optional<NodeConfigurer> configurer =
        provider instanceof NodeConfigurer c ? Optional.of(c) : Optional.empty();
    NodeTemplate template = new NodeTemplate(config, configurer);
    node =
        new NodeController(
            clients.calls(), template, configurer, config.nodeStatusInterval(), clock);
    ApiContact apiContact = new ApiContact(clock);
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
    Step renew =
        () -> {
          try {
            lease.renew();
            apiContact.answered();
          } catch (Exception e) {
            apiContact.failed();
            throw e;
          }
        };
    every(lease.renewInterval(), "lease renewal", renew);
    informers = new SharedInformerFactory(clients.informerFactory());
    services = ServiceCache.start(clients.watches(), served);
    WatchActivity activity =
        new WatchActivity(
            clock, WATCH_STALL, () -> podInformer != null && podInformer.hasSynced(), apiContact);
    podInformer =
        informers.sharedIndexInformerFor(
            new PodListerWatcher(clients.watches(), config.nodeName(), activity::delivered),
            V1Pod.class,
            0); // no periodic resync: a provider call per pod; the reconcile loop covers drift
    podInformer.setTransform(CacheTrim.MANAGED_FIELDS);
    check("pod-informer", activity::failure, Probe.LIVENESS);
    InformerApiPods apiPods = new InformerApiPods(podInformer.getIndexer(), clients.calls());
    // The serving certificate and the server's classes (Netty, TLS, Bouncy Castle) take most of a
    // second of CPU: they load on their own thread from here on, while the controllers are built
    // and the caches fill. The Node is still registered only after both, so a Ready node always
    // answers logs and exec.
    FutureTask<KubeletApiServer> serving = new FutureTask<>(() -> startApiServer(apiPods));
    Thread starter = new Thread(serving, "kubelet-api-start");
    starter.setDaemon(true);
    starter.start();
    NodeWatch watch;
    try {
      var allocatable = template.allocatable();
      pods =
          PodController.wiring()
              .informer(podInformer)
              .apiPods(apiPods)
              .provider(provider)
              .environment(new EnvironmentResolver(new CachedObjectLookup(referenced(), services)))
              .runtime(
                  pod -> new PodRuntime(config.nodeName(), config.internalIp(), null, allocatable))
              .events(events)
              .nodeWrites(writes)
              .served(served)
              .hostIp(config.internalIp())
              .clock(clock)
              .workers(config.podSyncWorkers())
              .statusPollInterval(config.statusPollInterval())
              .reconcileInterval(config.reconcileInterval())
              .startupList(providerPods)
              .build();
      check("pod-workers", pods::deadWork, Probe.LIVENESS);
      check("node-loops", this::stoppedLoop, Probe.LIVENESS);
      watch = new NodeWatch(informers, clients.watches(), config.nodeName(), this::reregister);
      informers.startAllRegisteredInformers();
      awaitSynced("pod cache", podInformer::hasSynced);
      awaitSynced("service cache", services::hasSynced);
      pods.start();
    } finally {
      apiServer = started(serving); // set even when the start failed, so close() stops it
    }
    node.register();
    watch.start();
    if (existing == null) {
      once("lease renewal", renew); // the first lease of a new node, without waiting
    }
    every(NodeController.TICK, "node status", node::tick);
    Set<Meter.Id> before = meterIds();
    Gauge.builder("vk.pods", podInformer.getIndexer(), i -> i.list().size())
        .description("pods bound to this node")
        .register(meters);
    Gauge.builder("vk.pods.placed", pods.placed(), PlacedPods::size).register(meters);
    FunctionCounter.builder("vk.events.dropped", events, ApiEventRecorder::dropped)
        .description("events dropped because the event queue was full")
        .register(meters);
    FunctionCounter.builder("vk.pod.worker.crashes", pods, PodController::workerCrashes)
        .description("pod handler errors that workers survived")
        .register(meters);
    NodeMeters.workQueues(meters, pods.queues());
    NodeMeters.statusWrites(meters, pods.statusWriter());
    NodeMeters.lease(meters, lease);
    NodeMeters.node(meters, node);
    Set<Meter.Id> mine = meterIds();
    mine.removeAll(before);
    termMeters.addAll(mine);
    started = true;
    logger.info(
        "Node {} is running with provider {} for pods of {}",
        config.nodeName(),
        config.provider(),
        served);
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
            .streamIdleTimeout(apiSettings.streamIdleTimeout())
            .streamCreationTimeout(apiSettings.streamCreationTimeout())
            .limits(apiSettings.limits())
            .tlsReloadInterval(apiSettings.tlsReloadInterval())
            .listener(new KubeletApiMeters(meters));
    if (!apiSettings.insecure()) {
      // Insecure mode refuses authenticators, so that nobody believes auth is on.
      b.tokenReviewer(new ApiTokenReviewer(clients.calls()))
          .accessReviewer(new ApiAccessReviewer(clients.calls()));
      apiSettings.clientCaFile().ifPresent(b::clientCaFile);
    }
    if (apiSettings.tlsCertFile().isPresent()) {
      b.tls(apiSettings.tlsCertFile().get(), apiSettings.tlsKeyFile().orElseThrow());
    }
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

  /** Waits for the kubelet API server's start and rethrows what made it fail. */
  private static KubeletApiServer started(FutureTask<KubeletApiServer> serving)
      throws InterruptedException {
    try {
      return serving.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof InterruptedException i) {
        throw i;
      }
      throw new IllegalStateException("kubelet API server did not start", e.getCause());
    }
  }

  /** The checks behind /healthz and /readyz; components may add theirs before or after start. */
  public HealthChecks health() {
    return health;
  }

  /** The health server's port, or 0 when it is off (health-port 0) or not started. */
  public int healthPort() {
    return healthServer == null ? 0 : healthServer.port();
  }

  /**
   * Serves /healthz, /readyz and /metrics over plain HTTP unless health-port is 0. {@link #start()}
   * calls it first; call it earlier for probes while waiting before start (a standby replica).
   * Idempotent; does not block.
   */
  public synchronized void serveHealth() {
    if (config.healthPort() == 0 || healthServer != null) {
      return;
    }
    try {
      healthServer =
          HealthServer.start(config.healthAddress(), config.healthPort(), health, meters);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot serve health on " + config.healthAddress() + ":" + config.healthPort(), e);
    }
  }

  /** A periodic loop whose task is done ended by an uncaught throwable and never runs again. */
  private Optional<String> stoppedLoop() {
    return loops.isShutdown() || loopTasks.stream().noneMatch(Future::isDone)
        ? Optional.empty()
        : Optional.of("a periodic loop (lease renewal or node status) stopped");
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

  private void awaitSynced(String what, BooleanSupplier synced) throws InterruptedException {
    long deadline = System.nanoTime() + SYNC_TIMEOUT.toNanos();
    while (!synced.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(what + " did not sync within " + SYNC_TIMEOUT);
      }
      Thread.sleep(10);
    }
  }

  /** A loop step that may fail; failures are logged and the loop goes on. */
  private interface Step {
    void run() throws Exception;
  }

  private void check(String name, HealthChecks.Check check, Probe probe) {
    health.register(name, check, probe);
    checks.add(name);
  }

  private Set<Meter.Id> meterIds() {
    Set<Meter.Id> ids = new HashSet<>();
    meters.getMeters().forEach(m -> ids.add(m.getId()));
    return ids;
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
    } catch (Error e) { // NOPMD: an Error would end the loop for good
      logger.error("{} crashed; the loop goes on", what, e);
    }
  }

  private void every(Duration period, String what, Step step) {
    loopTasks.add(
        loops.scheduleWithFixedDelay(
            () -> run(what, step), 0, period.toMillis(), TimeUnit.MILLISECONDS));
  }

  /** Whether {@link #close()} has begun: a start that fails from then on was cut short. */
  public boolean stopping() {
    return stopping;
  }

  @Override
  public void close() {
    stopping = true;
    logger.info("Node {} is stopping", config.nodeName());
    termMeters.forEach(meters::remove);
    checks.forEach(health::remove);
    loops.shutdownNow();
    // The pod workers stop first: the servers' close takes seconds (Netty's graceful shutdown), and
    // workers still taking pods then made provider calls while the JVM was stopping.
    if (pods != null) {
      pods.close();
    }
    if (healthServer != null) {
      healthServer.close();
    }
    if (apiServer != null) {
      apiServer.close();
    }
    if (informers != null) {
      informers.stopAllRegisteredInformers();
    }
    if (services != null) {
      services.close();
    }
    if (objects != null) {
      objects.close();
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
