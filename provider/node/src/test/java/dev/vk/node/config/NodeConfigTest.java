package dev.vk.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubernetes.client.openapi.models.V1Taint;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeConfigTest {
  private static NodeConfig config(Map<String, String> values) {
    return NodeConfig.from(Settings.of(values));
  }

  @Test
  @DisplayName("defaults: mock provider, provider taint, port 10250, 40 s lease")
  void defaults() {
    NodeConfig c = config(Map.of("internal-ip", "10.1.2.3"));
    assertThat(c.provider()).isEqualTo("mock");
    assertThat(c.nodeName()).isEqualTo("virtual-kubelet");
    assertThat(c.taint())
        .contains(
            new V1Taint().key("virtual-kubelet.io/provider").value("mock").effect("NoSchedule"));
    assertThat(c.capacity()).as("only what the user set").isEmpty();
    assertThat(c.kubeletPort()).isEqualTo(10250);
    assertThat(c.leaseDuration()).isEqualTo(Duration.ofSeconds(40));
    assertThat(c.internalIp()).isEqualTo("10.1.2.3");
    assertThat(c.healthPort()).isEqualTo(10248);
    assertThat(c.healthAddress()).isEqualTo("0.0.0.0");
    assertThat(config(Map.of("internal-ip", "10.1.2.3", "health-port", "0")).healthPort())
        .as("0 turns the health server off")
        .isZero();
  }

  @Test
  @DisplayName("the default taint names the configured provider; it can be replaced or disabled")
  void taint() {
    assertThat(
            config(Map.of("provider", "azure", "internal-ip", "10.0.0.9"))
                .taint()
                .orElseThrow()
                .getValue())
        .isEqualTo("azure");
    assertThat(config(Map.of("taint", "dedicated=vk:NoExecute", "internal-ip", "10.0.0.9")).taint())
        .contains(new V1Taint().key("dedicated").value("vk").effect("NoExecute"));
    assertThat(config(Map.of("disable-taint", "true", "internal-ip", "10.0.0.9")).taint())
        .isEmpty();
  }

  @Test
  @DisplayName("a GPU capacity adds nvidia.com/gpu; extra labels are parsed")
  void gpuAndLabels() {
    NodeConfig c =
        config(
            Map.of("capacity-gpu", "4", "labels", "team=a, tier=gpu", "internal-ip", "10.0.0.9"));
    assertThat(c.capacity().get("nvidia.com/gpu").toSuffixedString()).isEqualTo("4");
    assertThat(c.labels()).containsEntry("team", "a").containsEntry("tier", "gpu");
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "node-name|Bad_Name|node-name 'Bad_Name' is not a valid DNS subdomain",
        "capacity-cpu|lots|capacity-cpu 'lots' is not a quantity",
        "kubelet-port|70000|kubelet-port must be between 1 and 65535, not 70000",
        "status-poll-interval|soon|status-poll-interval 'soon' is not a duration",
        "taint|a=b:Sometimes|taint effect 'Sometimes' must be NoSchedule, PreferNoSchedule or NoExecute",
        "labels|novalue|labels entry 'novalue' must be key=value",
        "os|plan9|os must be linux or windows, not 'plan9'",
        "disable-taint|maybe|disable-taint must be true or false, not 'maybe'",
        "internal-ip|not-an-ip|internal-ip 'not-an-ip' is not an IP address",
        "health-port|-1|health-port must be between 0 and 65535, not -1",
        "health-address|localhost|health-address 'localhost' is not an IP address",
      })
  @DisplayName("each invalid setting fails with one line that names it")
  void invalid(String name, String value, String message) {
    Map<String, String> values = new HashMap<>(Map.of("internal-ip", "10.0.0.1"));
    values.put(name, value);
    assertThatThrownBy(() -> config(values))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(message)
        .hasMessageNotContaining("\n");
  }
}
