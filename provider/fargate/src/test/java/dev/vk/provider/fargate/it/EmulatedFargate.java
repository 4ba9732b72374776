package dev.vk.provider.fargate.it;

import dev.vk.emulator.ecs.EcsEmulator;
import dev.vk.emulator.ecs.EmulatorOptions;
import dev.vk.provider.ProviderContext;
import dev.vk.provider.fargate.FargateProvider;
import dev.vk.provider.fargate.FargateProviderFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Starts the ECS emulator in this JVM and builds providers pointed at it with fast timings. */
final class EmulatedFargate {
  static final String LOG_GROUP = "/ecs/vk";

  private EmulatedFargate() {}

  static EcsEmulator start() {
    return EcsEmulator.start(EmulatorOptions.defaults().logGroup(LOG_GROUP));
  }

  /** The settings a node would pass, as users write them without the prefix. */
  static Map<String, String> settings(EcsEmulator emulator) {
    Map<String, String> s = new HashMap<>();
    s.put("region", emulator.region());
    s.put("subnets", "subnet-0a1b2c3d");
    s.put("security-groups", "sg-0a1b2c3d");
    s.put("ecs-endpoint", emulator.endpoint().toString());
    s.put("access-key-id", "AKIDEMULATOR");
    s.put("secret-access-key", "emulator-secret");
    s.put(
        "execution-role-arn",
        "arn:aws:iam::" + emulator.accountId() + ":role/ecsTaskExecutionRole");
    s.put("task-role-arn", "arn:aws:iam::" + emulator.accountId() + ":role/vk-task");
    s.put("log-group", LOG_GROUP);
    s.put("status-interval", "300ms");
    s.put("transition-interval", "100ms");
    s.put("run-task-rate", "50");
    return s;
  }

  static FargateProvider provider(String nodeName, Map<String, String> settings) {
    ProviderContext context =
        new ProviderContext(nodeName, "10.0.0.1", name -> Optional.ofNullable(settings.get(name)));
    return (FargateProvider) new FargateProviderFactory().create(context);
  }
}
