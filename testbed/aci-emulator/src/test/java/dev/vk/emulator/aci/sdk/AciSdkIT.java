package dev.vk.emulator.aci.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.azure.core.management.exception.ManagementException;
import com.azure.core.util.Context;
import com.azure.resourcemanager.containerinstance.ContainerInstanceManager;
import com.azure.resourcemanager.containerinstance.fluent.models.ContainerGroupInner;
import com.azure.resourcemanager.containerinstance.models.Container;
import com.azure.resourcemanager.containerinstance.models.ContainerExecResponse;
import com.azure.resourcemanager.containerinstance.models.ContainerGroup;
import com.azure.resourcemanager.containerinstance.models.ContainerGroupRestartPolicy;
import com.azure.resourcemanager.containerinstance.models.OperatingSystemTypes;
import com.azure.resourcemanager.containerinstance.models.ResourceRequests;
import com.azure.resourcemanager.containerinstance.models.ResourceRequirements;
import dev.vk.emulator.aci.AciEmulator;
import dev.vk.emulator.aci.AciEmulatorOptions;
import dev.vk.emulator.aci.faults.Call;
import dev.vk.emulator.aci.faults.FaultRule;
import dev.vk.provider.testkit.EmulatorExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The unmodified Azure SDK (ContainerInstanceManager + ClientSecretCredential) against the
 * emulator.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AciSdkIT {

  private static final String RG = "vk-rg";

  @RegisterExtension
  static final EmulatorExtension<AciEmulator> emulator =
      new EmulatorExtension<>(
          () ->
              AciEmulator.start(
                  AciEmulatorOptions.defaults()
                      .withPullTime(Duration.ofMillis(400))
                      .withPageSize(2)
                      .withResourceGroups(RG)));

  private static ContainerInstanceManager manager;

  @BeforeAll
  static void start() throws Exception {
    manager = SdkClients.manager(emulator.get());
  }

  @Test
  @DisplayName("create, run, list, read logs, exec over the WebSocket, delete: all through the SDK")
  void fullLifecycle() throws Exception {
    ContainerGroupInner created = create("default-web", ContainerGroupRestartPolicy.ALWAYS, 1.0);
    assertThat(created.provisioningState()).isEqualTo("Succeeded");

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> group("default-web").state(), "Running"::equals);
    ContainerGroup running = group("default-web");
    assertThat(running.ipAddress()).startsWith("20.");
    assertThat(running.tags()).containsEntry("PodName", "web");
    assertThat(running.containers().get("app").instanceView().currentState().state())
        .isEqualTo("Running");

    create("default-b", ContainerGroupRestartPolicy.ALWAYS, 0.5);
    create("default-c", ContainerGroupRestartPolicy.ALWAYS, 0.5);
    List<String> names =
        manager.serviceClient().getContainerGroups().listByResourceGroup(RG).stream()
            .map(ContainerGroupInner::name)
            .toList();
    assertThat(names).containsExactly("default-b", "default-c", "default-web");
    assertThat(emulator.get().calls().count("containerGroups.listByResourceGroup")).isEqualTo(2);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> running.getLogContent("app").contains("app tick 2"));
    String lastTwo =
        manager
            .serviceClient()
            .getContainers()
            .listLogsWithResponse(RG, "default-web", "app", 2, true, Context.NONE)
            .getValue()
            .content();
    assertThat(lastTwo.lines())
        .hasSize(2)
        .allMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z app tick \\d+"));

    assertThat(execInShell(running.executeCommand("app", "/bin/sh", 24, 80), "echo hi\r"))
        .contains("\r\nhi\r\n# ");

    manager.containerGroups().deleteByResourceGroup(RG, "default-web");
    assertThatThrownBy(() -> group("default-web"))
        .isInstanceOfSatisfying(
            ManagementException.class,
            e -> {
              assertThat(e.getResponse().getStatusCode()).isEqualTo(404);
              assertThat(e.getValue().getCode()).isEqualTo("ResourceNotFound");
            });
  }

  @Test
  @DisplayName("ClientSecretCredential gets its token from the emulator's AAD endpoint, once")
  void authenticatesAgainstTheEmulatorsTokenEndpoint() throws Exception {
    ContainerInstanceManager fresh = SdkClients.manager(emulator.get());
    long before = emulator.get().calls().count("aad.token");

    // Two listings, each walking every page: only the first may fetch a token.
    fresh.serviceClient().getContainerGroups().list().forEach(group -> {});
    fresh.serviceClient().getContainerGroups().list().forEach(group -> {});

    assertThat(emulator.get().calls().count("aad.token") - before).isEqualTo(1);
  }

  @Test
  @DisplayName("the SDK honours Retry-After on 429: no retry precedes the time the header allows")
  void throttlingIsRetriedAfterRetryAfter() throws Exception {
    create("throttled", ContainerGroupRestartPolicy.NEVER, 0.5);
    emulator.get().calls().reset();
    emulator
        .get()
        .faults()
        .inject(FaultRule.throttle("containerGroups.get", Duration.ofSeconds(1)).forNextCalls(2));

    ContainerGroupInner group =
        manager.serviceClient().getContainerGroups().getByResourceGroup(RG, "throttled");

    assertThat(group.name()).isEqualTo("throttled");
    List<Call> gets = emulator.get().calls().timeline("containerGroups.get");
    assertThat(gets).extracting(Call::status).containsExactly(429, 429, 200);
    assertThat(Duration.between(gets.get(0).receivedAt(), gets.get(1).receivedAt()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(emulator.get().calls().retryAfterViolations()).isEmpty();
  }

  @Test
  @DisplayName("ACI's validation errors reach the SDK as ManagementException with ARM's code")
  void validationErrorsSurfaceAsManagementException() {
    assertThatThrownBy(() -> create("too-big", ContainerGroupRestartPolicy.NEVER, 5.0))
        .isInstanceOfSatisfying(
            ManagementException.class,
            e -> {
              assertThat(e.getResponse().getStatusCode()).isEqualTo(409);
              assertThat(e.getValue().getCode()).isEqualTo("ServiceUnavailable");
              assertThat(e.getValue().getMessage()).contains("Resource requested: '5' CPU");
            });
  }

  @Test
  @DisplayName("an out-of-band exit restarts the container under restartPolicy Always")
  void outOfBandExitRestarts() throws Exception {
    create("crashy", ContainerGroupRestartPolicy.ALWAYS, 0.5);
    await().atMost(Duration.ofSeconds(10)).until(() -> group("crashy").state(), "Running"::equals);

    assertThat(emulator.get().faults().exitContainer(RG, "crashy", "app", 137)).isTrue();

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              var view = group("crashy").containers().get("app").instanceView();
              assertThat(view.restartCount()).isEqualTo(1);
              assertThat(view.previousState().exitCode()).isEqualTo(137);
              assertThat(view.currentState().state()).isEqualTo("Running");
            });
  }

  private ContainerGroup group(String name) {
    return manager.containerGroups().getByResourceGroup(RG, name);
  }

  private ContainerGroupInner create(String name, ContainerGroupRestartPolicy policy, double cpu) {
    ContainerGroupInner body =
        new ContainerGroupInner()
            .withLocation("westeurope")
            .withTags(Map.of("PodName", name.replace("default-", ""), "Namespace", "default"))
            .withOsType(OperatingSystemTypes.LINUX)
            .withRestartPolicy(policy)
            .withIpAddress(
                new com.azure.resourcemanager.containerinstance.models.IpAddress()
                    .withType(
                        com.azure.resourcemanager.containerinstance.models
                            .ContainerGroupIpAddressType.PUBLIC)
                    .withPorts(
                        List.of(
                            new com.azure.resourcemanager.containerinstance.models.Port()
                                .withPort(80))))
            .withContainers(
                List.of(
                    new Container()
                        .withName("app")
                        .withImage("nginx:1.27")
                        .withPorts(
                            List.of(
                                new com.azure.resourcemanager.containerinstance.models
                                        .ContainerPort()
                                    .withPort(80)))
                        .withResources(
                            new ResourceRequirements()
                                .withRequests(
                                    new ResourceRequests().withCpu(cpu).withMemoryInGB(1.5)))));
    var poller = manager.serviceClient().getContainerGroups().beginCreateOrUpdate(RG, name, body);
    poller.setPollInterval(Duration.ofMillis(100));
    return poller.getFinalResult();
  }

  /**
   * Opens the exec WebSocket with the JDK client: password first, then keystrokes as binary frames.
   */
  private static String execInShell(ContainerExecResponse exec, String keystrokes)
      throws Exception {
    StringBuilder output = new StringBuilder();
    CompletableFuture<String> closed = new CompletableFuture<>();
    WebSocket.Listener listener =
        new WebSocket.Listener() {
          @Override
          public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            synchronized (output) {
              output.append(data);
            }
            ws.request(1);
            return null;
          }

          @Override
          public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            synchronized (output) {
              closed.complete(output.toString());
            }
            return null;
          }
        };
    HttpClient client =
        HttpClient.newBuilder().sslContext(emulator.get().clientSslContext()).build();
    WebSocket ws =
        client.newWebSocketBuilder().buildAsync(URI.create(exec.webSocketUri()), listener).join();
    ws.sendText(exec.password(), true).join();
    await().until(() -> snapshot(output).endsWith("# "));
    ws.sendBinary(ByteBuffer.wrap(keystrokes.getBytes(StandardCharsets.UTF_8)), true).join();
    await().until(() -> snapshot(output).contains("hi\r\n# "));
    ws.sendBinary(ByteBuffer.wrap("exit\r".getBytes(StandardCharsets.UTF_8)), true).join();
    return closed.get(10, TimeUnit.SECONDS);
  }

  private static String snapshot(StringBuilder output) {
    synchronized (output) {
      return output.toString();
    }
  }
}
