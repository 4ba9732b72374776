package dev.vk.provider.aci;

import dev.vk.provider.KubernetesAccess;
import dev.vk.provider.aci.arm.ContainerGroups;
import dev.vk.provider.aci.arm.ReadBudget;
import dev.vk.provider.aci.config.TrustedTls;
import dev.vk.provider.aci.mapping.KubeObjects;
import java.time.Clock;
import java.util.function.LongSupplier;

/**
 * What the provider runs on, built by {@link AciProviderFactory} (or a test).
 *
 * @param groups ARM operations on the resource group
 * @param objects Secret and ConfigMap reads
 * @param kubernetes where ACI events are recorded as Kubernetes Events
 * @param armReads the number of ARM reads sent so far, for the status budget (writes and deletes
 *     have buckets of their own)
 * @param reads the status notifier's budget, fed by ARM's remaining-reads header
 * @param clock the time source of polling decisions
 * @param tls the trust used for the exec and attach WebSockets
 */
record AciRuntime(
    ContainerGroups groups,
    KubeObjects objects,
    KubernetesAccess kubernetes,
    LongSupplier armReads,
    ReadBudget reads,
    Clock clock,
    TrustedTls tls) {}
