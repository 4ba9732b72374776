package dev.vk.provider.testkit;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.PodLifecycle;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;

/**
 * The plumbing under {@link AbstractProviderContractTest}: one provider per test, a fresh namespace
 * per test (emulators keep pods between tests), cleanup, and waiting. Providers extend {@link
 * AbstractProviderContractTest}, not this class.
 */
public abstract class ProviderContractFixture {

  /** Abilities a provider may lack; the tests that need one are skipped without it. */
  public enum Ability {
    /** Containers that exit under restartPolicy Always or OnFailure run again. */
    CONTAINER_RESTARTS,
    /** Init containers run to completion before the app containers start. */
    INIT_CONTAINERS
  }

  /** A pod the provider must refuse, and the field the refusal must name. */
  public record Unrunnable(V1Pod pod, String field) {}

  private final List<V1Pod> created = new CopyOnWriteArrayList<>();
  private PodLifecycle provider;
  private String namespace;

  /** A new provider for one test; closed after it when it is {@link AutoCloseable}. */
  protected abstract PodLifecycle createProvider() throws Exception;

  /**
   * A one-container pod whose container exits with {@code exitCode} shortly after it starts. The
   * suite sets name, namespace, UID and restartPolicy; how the exit is caused is up to the provider
   * (a command, an annotation).
   */
  protected abstract V1Pod podThatExits(int exitCode);

  /** A pod with two long-running containers; override when the provider needs other images. */
  protected V1Pod runnablePod() {
    return Pods.pod("any", "any", Pods.container("app"), Pods.container("sidecar"));
  }

  /** {@link #runnablePod()} plus an init container named {@code init} that exits 0. */
  protected V1Pod podWithInitContainer() {
    V1Pod pod = runnablePod();
    pod.getSpec().addInitContainersItem(Pods.container("init").command(List.of("true")));
    return pod;
  }

  /** Defaults to host networking, which no serverless cloud offers. */
  protected Unrunnable unrunnablePod() {
    V1Pod pod = runnablePod();
    pod.getSpec().setHostNetwork(true);
    return new Unrunnable(pod, "spec.hostNetwork");
  }

  /** What the provider offers; defaults to everything, so that a gap has to be declared. */
  protected Set<Ability> abilities() {
    return EnumSet.allOf(Ability.class);
  }

  /** The longest any single wait may take; raise it for slow emulators. */
  protected Duration timeout() {
    return Duration.ofSeconds(10);
  }

  /** How often a wait asks the provider again. */
  protected Duration pollInterval() {
    return Duration.ofMillis(100);
  }

  @BeforeEach
  final void startProviderUnderTest() throws Exception {
    namespace = Pods.uniqueName("contract");
    provider = createProvider();
  }

  @AfterEach
  final void stopProviderUnderTest() throws Exception {
    for (V1Pod pod : created) {
      try {
        provider.deletePod(pod);
      } catch (ProviderException e) {
        // Best effort: a failed cleanup must not hide the test's own result.
      }
    }
    if (provider instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }

  protected final PodLifecycle provider() {
    return provider;
  }

  /** This test's own namespace, so that listings only show this test's pods. */
  protected final String namespace() {
    return namespace;
  }

  /** Renames a copy of {@code template} into this test's namespace and creates it. */
  protected final V1Pod create(V1Pod template) throws ProviderException {
    V1Pod pod = Pods.renamed(template, namespace, Pods.uniqueName("pod"));
    created.add(pod);
    provider.createPod(Pods.copy(pod));
    return pod;
  }

  /** The provider's view of this pod: same name and same UID, else empty. */
  protected final Optional<V1Pod> current(V1Pod pod) throws ProviderException {
    String uid = pod.getMetadata().getUid();
    return provider
        .getPod(namespace, pod.getMetadata().getName())
        .filter(p -> p.getMetadata() != null && uid.equals(p.getMetadata().getUid()));
  }

  /** Waits up to {@link #timeout()} for the pod to satisfy {@code condition}. May block. */
  protected V1Pod awaitPod(V1Pod pod, String description, Predicate<V1Pod> condition) {
    return Awaitility.await(pod.getMetadata().getName() + " " + description)
        .atMost(timeout())
        .pollInterval(pollInterval())
        .ignoreExceptionsMatching(e -> e instanceof ProviderException p && p.retriable())
        .until(() -> current(pod), p -> p.filter(condition).isPresent())
        .orElseThrow();
  }

  /** Waits for phase Running with every container ready. May block up to {@link #timeout()}. */
  protected V1Pod awaitRunning(V1Pod pod) {
    return awaitPod(
        pod,
        "to be Running and Ready",
        p -> PodStatuses.hasPhase(p, "Running") && PodStatuses.isTrue(p, "Ready"));
  }

  protected final void assumeAbility(Ability ability) {
    Assumptions.assumeTrue(abilities().contains(ability), "provider lacks " + ability);
  }
}
