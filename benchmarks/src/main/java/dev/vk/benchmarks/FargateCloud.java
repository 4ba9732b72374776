package dev.vk.benchmarks;

import dev.vk.emulator.ecs.EcsEmulator;
import dev.vk.emulator.ecs.EmulatorOptions;
import dev.vk.provider.PodLifecycle;
import dev.vk.provider.ProviderContext;
import dev.vk.provider.fargate.FargateProviderFactory;
import io.kubernetes.client.openapi.models.V1Pod;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Task;

/** The fargate provider with its default status settings against the ECS emulator. */
final class FargateCloud implements Cloud {
  private final EcsEmulator ecs;
  private final Map<String, String> settings = new HashMap<>();
  private final EcsClient client;

  private FargateCloud() {
    ecs = EcsEmulator.start(EmulatorOptions.defaults().logGroup("/ecs/vk"));
    Map<String, String> s = settings;
    s.putAll(ecs.providerSettings());
    // Only seeding is sped up; status settings stay at their defaults, which is what is measured.
    s.put("run-task-rate", "200");
    client =
        EcsClient.builder()
            .endpointOverride(ecs.endpoint())
            .region(Region.of(ecs.region()))
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(s.get("access-key-id"), s.get("secret-access-key"))))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
  }

  static FargateCloud start() {
    return new FargateCloud();
  }

  @Override
  public PodLifecycle provider(boolean fastStatus) {
    Map<String, String> s = new HashMap<>(settings);
    if (fastStatus) {
      s.put("status-interval", "1s");
      s.put("transition-interval", "500ms");
    }
    return new FargateProviderFactory()
        .create(new ProviderContext("vk-bench", "10.0.0.1", n -> Optional.ofNullable(s.get(n))));
  }

  @Override
  public Map<String, Integer> calls() {
    return new HashMap<>(ecs.calls().counts());
  }

  @Override
  public void resetCalls() {
    ecs.calls().reset();
  }

  /** Finds the pod's task by its UID tag (this benchmark's own calls are reset afterwards). */
  @Override
  public Runnable crasher(V1Pod pod) {
    String uid = pod.getMetadata().getUid();
    for (String arn : client.listTasksPaginator(b -> b.cluster("default")).taskArns()) {
      Task task =
          client
              .describeTasks(
                  b ->
                      b.cluster("default")
                          .tasks(arn)
                          .include(software.amazon.awssdk.services.ecs.model.TaskField.TAGS))
              .tasks()
              .get(0);
      if (task.tags().stream()
          .anyMatch(t -> t.key().equals("vk.dev/pod-uid") && t.value().equals(uid))) {
        String container = pod.getSpec().getContainers().get(0).getName();
        return () -> ecs.faults().exitContainer(arn, container, 1);
      }
    }
    throw new IllegalStateException("no task for pod " + uid);
  }

  @Override
  public int referenceCallsPerPodPerMinute() {
    return 12;
  }

  @Override
  public String referenceModel() {
    return "aws-fargate: 1 DescribeTasks per pod every 5 s";
  }

  @Override
  public void close() {
    client.close();
    ecs.close();
  }
}
