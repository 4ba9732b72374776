package dev.vk.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vk.provider.settings.SettingException;
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
    assertThat(c.operatingSystem()).isEqualTo("linux");
    assertThat(c.podSyncWorkers()).isEqualTo(10);
    assertThat(c.statusPollInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(c.reconcileInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.nodeStatusInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(c.labels()).isEmpty();
    assertThat(c.kubeconfig()).isEmpty();
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
        "node-name|Bad_Name|node-name: 'Bad_Name' is invalid; expected a DNS subdomain",
        "capacity-cpu|lots|capacity-cpu: 'lots' is invalid; expected a quantity",
        "kubelet-port|70000|kubelet-port: '70000' is invalid; expected a whole number from 1 to 65535",
        "status-poll-interval|soon|status-poll-interval: 'soon' is invalid; expected a positive duration",
        "status-poll-interval|0s|status-poll-interval: '0s' is invalid; expected a positive duration",
        "taint|a=b:Sometimes|taint: 'a=b:Sometimes' is invalid; expected key[=value][:Effect]",
        "labels|novalue|labels: 'novalue' is invalid; expected key=value pairs",
        "os|plan9|os: 'plan9' is invalid; expected one of linux, windows",
        "disable-taint|maybe|disable-taint: 'maybe' is invalid; expected true or false",
        "internal-ip|not-an-ip|internal-ip: 'not-an-ip' is invalid; expected an IP address",
        "health-port|-1|health-port: '-1' is invalid; expected a whole number from 0 to 65535",
        "health-address|localhost|health-address: 'localhost' is invalid; expected an IP address",
      })
  @DisplayName("each invalid setting fails with one line that names it")
  void invalid(String name, String value, String message) {
    Map<String, String> values = new HashMap<>(Map.of("internal-ip", "10.0.0.1"));
    values.put(name, value);
    assertThatThrownBy(() -> config(values))
        .isInstanceOf(SettingException.class)
        .hasMessageStartingWith(message)
        .hasMessageNotContaining("\n");
  }
}
