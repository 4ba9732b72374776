package dev.vk.provider.mock;

import dev.vk.provider.PodLifecycle;
import dev.vk.provider.testkit.AbstractProviderContractTest;
import dev.vk.provider.testkit.Pods;
import io.kubernetes.client.openapi.models.V1Pod;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The mock passes the provider contract, with its state file on so that persistence is in play. */
class InMemoryProviderContractTest extends AbstractProviderContractTest {

  @TempDir Path dir;

  @Override
  protected PodLifecycle createProvider() {
    return new InMemoryProvider(
        Contexts.context(
            "start-delay", "50ms", "state-file", dir.resolve("state.json").toString()));
  }

  @Override
  protected V1Pod podThatExits(int exitCode) {
    V1Pod pod = Pods.pod("any", "any", Pods.container("main"));
    pod.getMetadata()
        .putAnnotationsItem("mock.vk.dev/exit-after", "200ms")
        .putAnnotationsItem("mock.vk.dev/exit-code", String.valueOf(exitCode));
    return pod;
  }

  @Override
  protected V1Pod podWithInitContainer() {
    V1Pod pod = super.podWithInitContainer();
    pod.getMetadata().putAnnotationsItem("mock.vk.dev/init-duration", "100ms");
    return pod;
  }
}
