package dev.vk.provider.aci;

import com.azure.resourcemanager.containerinstance.fluent.models.ContainerGroupInner;
import dev.vk.kubelet.types.ContainerExecutor;
import dev.vk.kubelet.types.ContainerLogSource;
import dev.vk.kubelet.types.ContainerRef;
import dev.vk.kubelet.types.LogLine;
import dev.vk.kubelet.types.LogOptions;
import dev.vk.kubelet.types.PodMetricsSource;
import dev.vk.kubelet.types.PodRef;
import dev.vk.kubelet.types.PortForwarding;
import dev.vk.kubelet.types.PortStream;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.kubelet.types.ResourceUsage;
import dev.vk.kubelet.types.StreamIO;
import dev.vk.provider.KubernetesAccess;
import dev.vk.provider.NodeConfigurer;
import dev.vk.provider.PodLifecycle;
import dev.vk.provider.PodStatusNotifier;
import dev.vk.provider.aci.arm.ArmHealth;
import dev.vk.provider.aci.arm.ContainerGroups;
import dev.vk.provider.aci.arm.GroupNames;
import dev.vk.provider.aci.arm.GroupTags;
import dev.vk.provider.aci.config.AciNodeCapacity;
import dev.vk.provider.aci.config.AciSettings;
import dev.vk.provider.aci.exec.AciExec;
import dev.vk.provider.aci.logs.AciLogs;
import dev.vk.provider.aci.mapping.DnsMapper;
import dev.vk.provider.aci.mapping.NoAddressWarning;
import dev.vk.provider.aci.mapping.PodMapper;
import dev.vk.provider.aci.mapping.PodUpdates;
import dev.vk.provider.aci.metrics.MetricsTargets;
import dev.vk.provider.aci.portforward.AciPortForward;
import dev.vk.provider.aci.registry.EntrypointCache;
import dev.vk.provider.aci.registry.RegistryClient;
import dev.vk.provider.aci.status.AciEvents;
import dev.vk.provider.aci.status.AciStatusMapper;
import dev.vk.provider.aci.status.GroupCache;
import dev.vk.provider.aci.status.PodListing;
import dev.vk.provider.aci.status.StatusTracker;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each pod as one Azure Container Instances container group named after it ({@link
 * GroupNames}) and tagged with its UID, namespace, name, node and cluster ({@link GroupTags}). Pods
 * ACI cannot run are refused before any ARM call. A group is created, changed or deleted only when
 * its tags say this node of this cluster owns it; a foreign same-named group is a Conflict. Status
 * is pushed by a {@link StatusTracker} whose ARM cost does not grow with steady pods; getPods
 * answers from its last list ({@link PodListing}), or is one paged list. Every pod method blocks on
 * ARM, is thread-safe and is idempotent. See {@code docs/providers/azure.md}.
 */
public final class AciProvider
    implements PodLifecycle,
        PodStatusNotifier,
        NodeConfigurer,
        ContainerLogSource,
        ContainerExecutor,
        PortForwarding,
        PodMetricsSource,
        AutoCloseable {

  private static final Logger logger = LoggerFactory.getLogger(AciProvider.class);

  private final AciSettings settings;
  private final ContainerGroups groups;
  private final PodMapper mapper;
  private final AciStatusMapper statuses;
  private final GroupCache cache;
  private final StatusTracker tracker;
  private final PodListing listing;
  private final AciEvents events;
  private final AciLogs logs;
  private final AciExec exec;
  private final AciPortForward portForward;
  private final NoAddressWarning noAddress;
  private final ArmHealth health;
  private final KubernetesAccess kubernetes;

  /** How long one image registry request may take while a pod is mapped. */
  static final Duration REGISTRY_TIMEOUT = Duration.ofSeconds(10);

  private volatile PodMetricsSource metrics; // set once by the factory

  AciProvider(AciSettings settings, AciRuntime runtime) {
    this.settings = settings;
    this.groups = runtime.groups();
    this.mapper =
        new PodMapper(
            settings.pods(),
            settings.connection().region(),
            runtime.objects(),
            settings.identities(),
            settings.workload(),
            new EntrypointCache(
                new RegistryClient(
                    settings.workload().registryUrl(), settings.pods().osType(), REGISTRY_TIMEOUT),
                runtime.clock()));
    this.kubernetes = runtime.kubernetes();
    this.statuses = new AciStatusMapper(settings.pods().nodeName());
    this.cache = new GroupCache();
    this.events = new AciEvents(runtime.kubernetes(), runtime.clock());
    this.tracker =
        new StatusTracker(
            groups,
            this::owned,
            statuses,
            cache,
            events,
            settings.polling(),
            runtime.armReads(),
            runtime.reads(),
            runtime.clock());
    this.listing = new PodListing(tracker, cache, runtime.clock());
    this.logs =
        new AciLogs(this::requireGroup, groups, settings.polling().logPoll(), runtime.clock());
    this.exec = new AciExec(this::requireGroup, groups, runtime.tls());
    this.portForward = new AciPortForward(this::requireGroup);
    this.noAddress =
        new NoAddressWarning(runtime.kubernetes(), !settings.pods().subnetIds().isEmpty());
    this.health = new ArmHealth(groups, runtime.clock());
  }

  @Override
  public void createPod(V1Pod pod) throws ProviderException {
    ContainerGroupInner desired = mapper.map(pod); // refusals happen before ARM sees anything
    String name = mapper.groupName(pod);
    String uid = pod.getMetadata().getUid();
    // A name the last list did not hold needs no GET: only this node creates its pods' groups.
    Optional<ContainerGroupInner> existing =
        groups.knownFree(name) ? Optional.empty() : groups.get(name);
    if (existing.isPresent()) {
      if (!owned(existing.get())) {
        throw foreign(name, existing.get());
      }
      if (GroupTags.get(existing.get(), GroupTags.UID).filter(uid::equals).isPresent()) {
        return; // same pod: PUT again would redeploy and restart its containers
      }
      // Our group of an earlier pod with this name: that pod is gone from the API.
      logger.info("replacing container group {} of an earlier pod", name);
      groups.delete(name);
    }
    warnAboutDns(pod);
    try {
      groups.put(name, desired);
    } catch (ProviderException e) {
      // A PUT whose response was lost leaves the group transitioning; a retry then conflicts.
      boolean ours =
          e.kind() == ProviderException.Kind.CONFLICT
              && groups
                  .get(name)
                  .filter(this::owned)
                  .flatMap(g -> GroupTags.get(g, GroupTags.UID))
                  .filter(uid::equals)
                  .isPresent();
      if (!ours) {
        throw e;
      }
    }
    listing.created(name, statuses.listed(desired));
    logger.info("created container group {}", name);
    noAddress.created(pod);
  }

  /** The kubelet's MissingClusterDNS warning when ClusterFirst fell back to Default. */
  private void warnAboutDns(V1Pod pod) throws ProviderException {
    mapper
        .dnsWarning(pod)
        .ifPresent(why -> kubernetes.event(pod, "Warning", DnsMapper.FALLBACK_REASON, why));
  }

  @Override
  public void updatePod(V1Pod pod) throws ProviderException {
    String name = mapper.groupName(pod);
    ContainerGroupInner current =
        requireGroup(pod.getMetadata().getNamespace(), pod.getMetadata().getName());
    ContainerGroupInner desired = mapper.map(pod);
    if (PodUpdates.decide(current, desired) == PodUpdates.Action.REDEPLOY) {
      groups.put(name, desired);
      logger.info("redeployed container group {} with the changed containers", name);
    }
  }

  @Override
  public void deletePod(V1Pod pod) throws ProviderException {
    String name = mapper.groupName(pod);
    String uid = pod.getMetadata().getUid();
    // A group the status tracker read as this pod's needs no GET first: only this node writes its
    // groups, and a DELETE of one that is gone meanwhile is answered as done.
    if (uid != null && cache.holds(name, uid) || samePod(groups.get(name), uid)) {
      groups.delete(name);
      logger.info("deleted container group {}", name);
    }
    listing.deleted(name);
    cache.remove(name);
    events.forget(name);
  }

  private boolean samePod(Optional<ContainerGroupInner> group, String uid) {
    return group.isPresent()
        && owned(group.get())
        && (uid == null
            || GroupTags.get(group.get(), GroupTags.UID).filter(uid::equals).isPresent());
  }

  /**
   * One GET, unless this instance deleted the group ({@link ContainerGroups#knownGone}): the node
   * asks after every delete whether the pod stopped, and that answer costs no ARM read.
   */
  @Override
  public Optional<V1Pod> getPod(String namespace, String name) throws ProviderException {
    String group = groupName(namespace, name);
    if (groups.knownGone(group)) {
      return Optional.empty();
    }
    return groups.get(group).filter(this::owned).map(statuses::pod);
  }

  /**
   * The status tracker's last list while it is recent ({@link PodListing}: no ARM call), else one
   * paged list. ARM lists carry no instance view, so a group the status tracker has not fetched yet
   * (after a restart, a new group) is listed without status rather than with one guessed from
   * {@code provisioningState}; the tracker's GET brings the real one. A group this instance deleted
   * (while the list was paged, or since the tracker's) is left out, though a page fetched before
   * showed it: listed, it would be taken for an orphan once the node removed its pod from the API,
   * and read again to delete it.
   */
  @Override
  public List<V1Pod> getPods() throws ProviderException {
    Optional<List<V1Pod>> last = listing.fromLastRound();
    List<V1Pod> listed =
        last.isPresent()
            ? last.get()
            : groups.list(
                g ->
                    owned(g)
                        ? Optional.of(cache.fresh(g.name(), g).orElseGet(() -> statuses.listed(g)))
                        : Optional.empty());
    return listed.stream()
        .filter(
            p ->
                !groups.knownGone(
                    groupName(p.getMetadata().getNamespace(), p.getMetadata().getName())))
        .toList();
  }

  @Override
  public void notifyPods(Consumer<V1Pod> onStatusChange) {
    tracker.start(onStatusChange);
  }

  @Override
  public void configureNode(V1Node node) {
    AciNodeCapacity.configure(node, settings.pods().osType());
  }

  @Override
  public void ping() throws ProviderException {
    health.check();
  }

  @Override
  public Flow.Publisher<LogLine> logs(ContainerRef container, LogOptions options)
      throws ProviderException {
    return logs.open(container, options);
  }

  @Override
  public CompletionStage<Integer> exec(ContainerRef container, List<String> command, StreamIO io)
      throws ProviderException {
    return exec.exec(container, command, io);
  }

  @Override
  public CompletionStage<Void> attach(ContainerRef container, StreamIO io)
      throws ProviderException {
    return exec.attach(container, io);
  }

  /** Uses {@code source} for {@link #usage()}; called once while wiring. */
  void useMetrics(PodMetricsSource source) {
    this.metrics = source;
  }

  /** The pods the status tracker saw running, for pod metrics; no ARM call. */
  List<dev.vk.provider.aci.metrics.MetricsTarget> metricsTargets() {
    return MetricsTargets.from(cache.snapshot());
  }

  /** Pod use from Azure Monitor, cached ({@link dev.vk.provider.aci.metrics.AciMetrics}). */
  @Override
  public ResourceUsage usage() throws ProviderException {
    PodMetricsSource source = metrics;
    if (source == null) {
      throw new ProviderException(ProviderException.Kind.UNSUPPORTED, "pod metrics are not wired");
    }
    return source.usage();
  }

  @Override
  public CompletionStage<Void> forward(PodRef pod, int port, PortStream stream)
      throws ProviderException {
    return portForward.forward(pod, port, stream);
  }

  @Override
  public void close() {
    tracker.close();
    logs.close();
  }

  private String groupName(String namespace, String name) {
    return GroupNames.of(settings.pods().clusterId(), namespace, name);
  }

  /** A same-named group this node does not own: never touched, the pod reports Conflict. */
  private ProviderException foreign(String name, ContainerGroupInner group) {
    String owner =
        "node "
            + GroupTags.get(group, GroupTags.NODE).orElse("(none)")
            + " of cluster "
            + GroupTags.get(group, GroupTags.CLUSTER).orElse("(none)");
    return ProviderException.conflict(
        "container group "
            + name
            + " in resource group "
            + settings.connection().resourceGroup()
            + " exists and its tags name "
            + owner
            + ", not this node; it is left alone: remove it or give this node its own resource"
            + " group");
  }

  private boolean owned(ContainerGroupInner group) {
    return GroupTags.ownedBy(group, settings.pods().nodeName(), settings.pods().clusterId());
  }

  /** The pod's group, which must exist and belong to this node. Blocks on one GET. */
  ContainerGroupInner requireGroup(String namespace, String name) throws ProviderException {
    return groups
        .get(groupName(namespace, name))
        .filter(this::owned)
        .orElseThrow(
            () -> ProviderException.notFound("pod \"" + namespace + "/" + name + "\" not found"));
  }
}
