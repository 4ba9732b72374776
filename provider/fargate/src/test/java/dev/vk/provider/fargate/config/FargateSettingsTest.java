package dev.vk.provider.fargate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vk.provider.settings.SettingException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FargateSettingsTest {

  private static Map<String, String> valid() {
    Map<String, String> s = new HashMap<>();
    s.put("region", "eu-west-1");
    s.put("subnets", "subnet-1, subnet-2");
    return s;
  }

  private static FargateSettings parse(Map<String, String> s) {
    return FargateSettings.from(name -> Optional.ofNullable(s.get(name)));
  }

  @Test
  void defaultsAreSensible() {
    FargateSettings s = parse(valid());

    assertThat(s.subnets()).containsExactly("subnet-1", "subnet-2");
    assertThat(s.cluster()).isEqualTo("default");
    assertThat(s.capacityProvider()).isEqualTo("FARGATE");
    assertThat(s.platformVersion()).isEqualTo("LATEST");
    assertThat(s.statusInterval()).isEqualTo(Duration.ofSeconds(25));
    assertThat(s.staticCredentials()).isEmpty();
    assertThat(s.capacity().pods().toSuffixedString()).isEqualTo("1k");
    assertThat(s.transitionInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(s.runTaskRate()).isEqualTo(10);
    assertThat(s.maxAttempts()).isEqualTo(6);
    assertThat(s.assignPublicIp()).isFalse();
    assertThat(s.logStreamPrefix()).isEqualTo("vk");
    assertThat(s.capacity().memory().toSuffixedString()).isEqualTo("4000Gi");
  }

  @Test
  void aBadValueNamesTheSettingTheValueAndWhatIsAccepted() {
    Map<String, String> s = valid();
    s.put("status-interval", "soon");

    assertThatThrownBy(() -> parse(s))
        .hasMessage(
            "fargate-status-interval: 'soon' is invalid; expected a positive duration like 500ms,"
                + " 30s, 5m, 1h30m or PT5S");
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "region            | moon-1             | fargate-region:",
        "subnets           | ' '                | fargate-subnets:",
        "assign-public-ip  | maybe              | fargate-assign-public-ip:",
        "task-role-arn     | admin              | fargate-task-role-arn:",
        "log-group         | /ecs/vk            | fargate-execution-role-arn:",
        "capacity-provider | EC2                | fargate-capacity-provider:",
        "ecs-endpoint      | not a url          | fargate-ecs-endpoint:",
        "status-interval   | soon               | fargate-status-interval:",
        "status-interval   | 0s                 | fargate-status-interval:",
        "max-attempts      | 2.5                | fargate-max-attempts:",
        "run-task-rate     | -1                 | fargate-run-task-rate:",
        "access-key-id     | AKID               | fargate-secret-access-key:",
        "memory            | lots               | fargate-memory:",
        "identity-allowlist | team=admin        | fargate-identity-allowlist:",
        "identity-allowlist | arn:aws:iam::123456789012:role/a | fargate-identity-allowlist:",
      })
  void invalidSettingFailsWithOneLineNamingIt(String name, String value, String expected) {
    Map<String, String> s = valid();
    s.put(name, value);

    assertThatThrownBy(() -> parse(s))
        .isInstanceOf(SettingException.class)
        .hasMessageStartingWith(expected)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void everyReadSettingIsDeclared() {
    Map<String, String> seen = new HashMap<>();
    FargateSettings.from(
        name -> {
          seen.put(name, "");
          return Optional.ofNullable(valid().get(name));
        });
    assertThat(FargateSettings.NAMES).containsAll(seen.keySet());
  }
}
