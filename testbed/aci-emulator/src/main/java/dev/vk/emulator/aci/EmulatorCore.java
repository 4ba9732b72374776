package dev.vk.emulator.aci;

import dev.vk.emulator.aci.aad.AadApi;
import dev.vk.emulator.aci.admin.AdminApi;
import dev.vk.emulator.aci.arm.AsyncOperations;
import dev.vk.emulator.aci.arm.ContainerGroupJson;
import dev.vk.emulator.aci.arm.ContainerGroupsApi;
import dev.vk.emulator.aci.arm.ContainersApi;
import dev.vk.emulator.aci.exec.ExecSessions;
import dev.vk.emulator.aci.faults.Calls;
import dev.vk.emulator.aci.faults.Faults;
import dev.vk.emulator.aci.model.ContainerGroupStore;
import dev.vk.emulator.aci.model.IpAllocator;
import dev.vk.emulator.aci.monitor.MetricsApi;
import dev.vk.emulator.aci.monitor.MonitorRoutes;
import dev.vk.emulator.aci.server.AciChannelInitializer;
import dev.vk.emulator.aci.server.ArmHandlers;
import dev.vk.emulator.aci.server.Router;
import dev.vk.emulator.aci.server.SubscriptionBudget;
import dev.vk.emulator.aci.validation.ContainerGroupValidator;
import dev.vk.emulator.aci.vnet.PodNetwork;
import dev.vk.emulator.aci.vnet.Subnet;
import io.netty.handler.ssl.SslContext;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Wires state, APIs and handlers for one emulator, independent of sockets so tests can run the same
 * pipeline in an {@code EmbeddedChannel}.
 */
final class EmulatorCore {

  private final ContainerGroupStore store = new ContainerGroupStore();
  private final Calls calls;
  private final Faults faults;
  private final ExecSessions sessions;
  private final ArmHandlers handlers;
  private final PodNetwork podNetwork;
  private final SubscriptionBudget budget;

  EmulatorCore(AciEmulatorOptions options, Supplier<String> baseUrl, Path caCertificate) {
    calls = new Calls(options.clock());
    budget = new SubscriptionBudget(options.clock());
    faults = new Faults(store, options.clock(), options.subscriptionId(), options.seed());
    sessions = new ExecSessions(options.clock());
    ContainerGroupJson json = new ContainerGroupJson(options.lifecycle());
    AsyncOperations operations =
        new AsyncOperations(store, options.clock(), options.lifecycle(), baseUrl);
    ContainerGroupsApi groups =
        new ContainerGroupsApi(
            store,
            new IpAllocator(Subnet.parse(options.vnet().subnet())),
            new ContainerGroupValidator(options.maxCpuPerGroup(), options.maxMemoryGbPerGroup()),
            operations,
            json,
            options.clock(),
            options.pageSize(),
            options.maxContainerGroups(),
            baseUrl);
    ContainersApi containers =
        new ContainersApi(store, sessions, options.lifecycle(), options.clock(), baseUrl);
    Router router =
        new Router()
            .add(
                RouteTable.routes(
                    groups,
                    containers,
                    operations,
                    new AadApi(options.clock(), baseUrl),
                    new AdminApi(faults, calls, caCertificate)))
            .add(MonitorRoutes.routes(new MetricsApi(store, options.lifecycle(), options.clock())));
    podNetwork = PodNetwork.start(options.vnet(), store, options.lifecycle(), options.clock());
    handlers =
        ArmHandlers.create(
            router,
            calls,
            faults,
            options.clock(),
            options.subscriptionId(),
            options.resourceGroups(),
            budget);
  }

  /** A channel initializer; {@code ssl} null serves plain HTTP. */
  AciChannelInitializer initializer(SslContext ssl) {
    return new AciChannelInitializer(ssl, sessions, handlers);
  }

  ContainerGroupStore store() {
    return store;
  }

  Calls calls() {
    return calls;
  }

  Faults faults() {
    return faults;
  }

  /** Stops the pod network, if one runs. */
  void close() {
    if (podNetwork != null) {
      podNetwork.close();
    }
  }

  SubscriptionBudget budget() {
    return budget;
  }
}
