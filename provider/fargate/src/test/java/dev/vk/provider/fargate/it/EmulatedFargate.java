package dev.vk.provider.fargate.it;

import dev.vk.emulator.ecs.EcsEmulator;
import dev.vk.emulator.ecs.EmulatorOptions;
import dev.vk.provider.KubernetesAccess;
import dev.vk.provider.ProviderContext;
import dev.vk.provider.RateLimitListener;
import dev.vk.provider.fargate.FargateProvider;
import dev.vk.provider.fargate.FargateProviderFactory;
import dev.vk.provider.testkit.EmulatorExtension;
import dev.vk.provider.testkit.PodStatuses;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.awaitility.Awaitility;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;

/** The ECS emulator in this JVM, and providers and clients pointed at it with fast timings. */
final class EmulatedFargate {
  static final String LOG_GROUP = "/ecs/vk";

  private EmulatedFargate() {}

  /** A fresh emulator for each test (instance field) or the class ({@code static} field). */
  static EmulatorExtension<EcsEmulator> extension() {
    return new EmulatorExtension<>(
        () -> EcsEmulator.start(EmulatorOptions.defaults().logGroup(LOG_GROUP)));
  }

  /** The settings a node would pass, as users write them without the prefix. */
  static Map<String, String> settings(EmulatorExtension<EcsEmulator> ecs) {
    EcsEmulator emulator = ecs.get();
    Map<String, String> s = new HashMap<>(emulator.providerSettings());
    s.put("task-role-arn", "arn:aws:iam::" + emulator.accountId() + ":role/vk-task");
    s.put("status-interval", "300ms");
    s.put("transition-interval", "100ms");
    s.put("run-task-rate", "50");
    return s;
  }

  /** An ECS client of the emulator, to look at what the provider left there; closed before it. */
  static EcsClient ecsClient(EmulatorExtension<EcsEmulator> ecs) {
    return ecs.closeAfter(
        EcsClient.builder()
            .endpointOverride(ecs.get().endpoint())
            .region(Region.of(ecs.get().region()))
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
            .httpClient(UrlConnectionHttpClient.create())
            .build());
  }

  /** A provider of the running emulator, closed before it. */
  static FargateProvider provider(
      EmulatorExtension<EcsEmulator> ecs, String nodeName, Map<String, String> settings) {
    return provider(ecs, nodeName, settings, KubernetesAccess.NONE, RateLimitListener.NONE);
  }

  static FargateProvider provider(
      EmulatorExtension<EcsEmulator> ecs,
      String nodeName,
      Map<String, String> settings,
      KubernetesAccess kubernetes,
      RateLimitListener rateLimits) {
    ProviderContext context =
        new ProviderContext(
            nodeName,
            "10.0.0.1",
            name -> Optional.ofNullable(settings.get(name)),
            kubernetes,
            rateLimits);
    return ecs.closeAfter((FargateProvider) new FargateProviderFactory().create(context));
  }

  /** Waits until {@code count} pods of {@code provider} are Ready. */
  static void awaitReady(FargateProvider provider, int count) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                provider.getPods().stream().filter(p -> PodStatuses.isTrue(p, "Ready")).count()
                    == count);
  }
}
