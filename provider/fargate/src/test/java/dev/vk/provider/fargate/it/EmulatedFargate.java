package dev.vk.provider.fargate.it;

import dev.vk.emulator.ecs.EcsEmulator;
import dev.vk.emulator.ecs.EmulatorOptions;
import dev.vk.provider.KubernetesAccess;
import dev.vk.provider.ProviderContext;
import dev.vk.provider.RateLimitListener;
import dev.vk.provider.fargate.FargateProvider;
import dev.vk.provider.fargate.FargateProviderFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;

/** Starts the ECS emulator in this JVM and builds providers pointed at it with fast timings. */
final class EmulatedFargate {
  static final String LOG_GROUP = "/ecs/vk";

  private EmulatedFargate() {}

  static EcsEmulator start() {
    return EcsEmulator.start(EmulatorOptions.defaults().logGroup(LOG_GROUP));
  }

  /** The settings a node would pass, as users write them without the prefix. */
  static Map<String, String> settings(EcsEmulator emulator) {
    Map<String, String> s = new HashMap<>(emulator.providerSettings());
    s.put("task-role-arn", "arn:aws:iam::" + emulator.accountId() + ":role/vk-task");
    s.put("status-interval", "300ms");
    s.put("transition-interval", "100ms");
    s.put("run-task-rate", "50");
    return s;
  }

  /** An ECS client of the emulator, to look at what the provider left there. */
  static EcsClient ecsClient(EcsEmulator emulator) {
    return EcsClient.builder()
        .endpointOverride(emulator.endpoint())
        .region(Region.of(emulator.region()))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  static FargateProvider provider(String nodeName, Map<String, String> settings) {
    return provider(nodeName, settings, RateLimitListener.NONE);
  }

  static FargateProvider provider(
      String nodeName, Map<String, String> settings, RateLimitListener rateLimits) {
    ProviderContext context =
        new ProviderContext(
            nodeName,
            "10.0.0.1",
            name -> Optional.ofNullable(settings.get(name)),
            KubernetesAccess.NONE,
            rateLimits);
    return (FargateProvider) new FargateProviderFactory().create(context);
  }
}
