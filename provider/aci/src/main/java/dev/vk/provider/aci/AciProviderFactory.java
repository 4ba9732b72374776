package dev.vk.provider.aci;

import dev.vk.provider.PodLifecycle;
import dev.vk.provider.ProviderContext;
import dev.vk.provider.ProviderFactory;
import dev.vk.provider.aci.arm.ArmCalls;
import dev.vk.provider.aci.arm.ArmRateLimiter;
import dev.vk.provider.aci.arm.AzureClients;
import dev.vk.provider.aci.arm.ContainerGroups;
import dev.vk.provider.aci.arm.ReadBudget;
import dev.vk.provider.aci.config.AciMetricsSettings;
import dev.vk.provider.aci.config.AciSettings;
import dev.vk.provider.aci.config.TrustedTls;
import dev.vk.provider.aci.mapping.KubeObjects;
import java.time.Clock;
import java.util.Set;

/**
 * Makes the {@code azure} provider: an {@link AciProvider} for one resource group. Settings are
 * listed in {@link AciSettings#NAMES} and documented in {@code docs/providers/azure.md}.
 */
public final class AciProviderFactory implements ProviderFactory {

  @Override
  public String name() {
    return "azure";
  }

  @Override
  public Set<String> settingNames() {
    return AciSettings.NAMES;
  }

  /**
   * Builds the SDK client; reads the CA file if set (blocks on disk). The ARM token is fetched on a
   * thread of its own from before the other settings are read (the cluster id may wait on the API
   * server), ahead of the first ARM call.
   *
   * @throws IllegalArgumentException with one line naming the bad setting
   */
  @Override
  public PodLifecycle create(ProviderContext context) {
    AciSettings.Connection connection = AciSettings.connection(context);
    TrustedTls tls = TrustedTls.load(connection.caFile());
    AzureClients.Arm arm = AzureClients.connect(connection, tls);
    AciSettings settings = AciSettings.from(context, connection);
    Clock clock = Clock.systemUTC();
    ReadBudget reads =
        new ReadBudget(settings.polling().readShare(), settings.polling().callsPerMinute());
    ArmRateLimiter limiter =
        new ArmRateLimiter(
            settings.polling().requestsPerSecond(), clock, context.rateLimits(), reads::observe);
    ContainerGroups groups =
        new ContainerGroups(
            AzureClients.build(arm, limiter),
            settings.connection().resourceGroup(),
            ArmCalls.standard());
    AciRuntime runtime =
        new AciRuntime(
            groups,
            KubeObjects.of(context.kubernetes()),
            context.kubernetes(),
            () -> limiter.sent(ArmRateLimiter.Kind.READS),
            reads,
            clock,
            tls);
    AciProvider provider = new AciProvider(settings, runtime);
    provider.useMetrics(
        AciMetricsWiring.create(
            settings.connection(),
            AciMetricsSettings.from(context, settings.connection().region()),
            tls,
            provider::metricsTargets,
            clock));
    return provider;
  }
}
