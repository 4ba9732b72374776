package dev.vk.node.pod;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.provider.ProviderContext;
import dev.vk.provider.mock.InMemoryProvider;
import dev.vk.provider.testkit.Pods;
import dev.vk.provider.testkit.TestingClock;
import io.kubernetes.client.openapi.models.V1Pod;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StatusPollTest {
  private final InMemoryProvider provider =
      new InMemoryProvider(
          new ProviderContext("node", "10.0.0.2", name -> Optional.empty()), new TestingClock());
  private final InMemoryApiPods api = new InMemoryApiPods();
  private final List<V1Pod> statuses = new CopyOnWriteArrayList<>();
  private final StatusPoll poll = new StatusPoll(provider, api, statuses::add);

  @AfterEach
  void close() {
    provider.close();
  }

  @Test
  @DisplayName("a poll offers the status of pods an API pod owns and leaves orphans running")
  void offersOwnedPodsOnly() throws Exception {
    V1Pod owned = Pods.pod("default", "owned", Pods.container("c"));
    provider.createPod(owned);
    provider.createPod(Pods.pod("default", "orphan", Pods.container("c")));
    api.put(owned);

    poll.poll();

    assertThat(statuses).extracting(p -> p.getMetadata().getName()).containsExactly("owned");
    assertThat(provider.getPods()).hasSize(2);
  }

  @Test
  @DisplayName("a provider pod with the API pod's name but another UID gets no status written")
  void otherUid() throws Exception {
    provider.createPod(Pods.pod("default", "web", Pods.container("c")));
    api.put(Pods.pod("default", "web", Pods.container("c")));
    poll.poll();
    assertThat(statuses).isEmpty();
  }
}
