package dev.vk.provider.fargate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.vk.emulator.ecs.EcsEmulator;
import dev.vk.kubelet.types.PodRef;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.fargate.FargateProvider;
import dev.vk.provider.fargate.portforward.TestConnection;
import dev.vk.provider.testkit.EmulatorExtension;
import dev.vk.provider.testkit.PodStatuses;
import dev.vk.provider.testkit.Pods;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.SsmException;

/**
 * kubectl port-forward through SSM StartSession and the emulator's port data channel (port 80
 * answers HTTP, ports from 1024 echo, nothing listens below 1024 otherwise).
 */
@Timeout(60)
class PortForwardIT {
  @RegisterExtension final EmulatorExtension<EcsEmulator> emulator = EmulatedFargate.extension();
  private FargateProvider provider;
  private V1Pod pod;
  private PodRef ref;

  @BeforeEach
  void start() {
    provider =
        EmulatedFargate.provider(emulator, "vk-port-forward", EmulatedFargate.settings(emulator));
  }

  @Test
  void anHttpRequestToPort80IsAnsweredAndTheClientsCloseEndsTheForward() throws Exception {
    runningPod();
    TestConnection client = new TestConnection();

    CompletableFuture<Void> forward = forward(80, client);
    client.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n");

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> client.received().contains("GET /healthz HTTP/1.1"));
    assertThat(client.received())
        .startsWith("HTTP/1.1 200 OK\r\n")
        .contains("hello from task " + RestartIT.taskId(pod));
    client.endInput();
    forward.get(20, TimeUnit.SECONDS);
    assertThat(client.outputClosed()).isTrue();
    assertThat(emulator.get().calls().count("StartSession")).isEqualTo(1);
  }

  @Test
  void twoConcurrentForwardsEachCarryTheirOwnBytes() throws Exception {
    runningPod();
    TestConnection one = new TestConnection();
    TestConnection two = new TestConnection();

    CompletableFuture<Void> first = forward(8080, one);
    CompletableFuture<Void> second = forward(8080, two);
    one.send("one-");
    two.send("two-");
    one.send("1");
    two.send("2");

    await().atMost(Duration.ofSeconds(20)).until(() -> one.received().equals("one-1"));
    await().atMost(Duration.ofSeconds(20)).until(() -> two.received().equals("two-2"));
    one.endInput();
    first.get(20, TimeUnit.SECONDS);
    assertThat(second).isNotDone();
    two.send("+");
    await().atMost(Duration.ofSeconds(20)).until(() -> two.received().equals("two-2+"));
    two.endInput();
    second.get(20, TimeUnit.SECONDS);
  }

  @Test
  void aLargeTransferArrivesWholeAndInOrder() throws Exception {
    runningPod();
    TestConnection client = new TestConnection();
    StringBuilder text = new StringBuilder();
    for (int i = 0; text.length() < 20_000; i++) {
      text.append(i).append(',');
    }

    CompletableFuture<Void> forward = forward(9000, client);
    client.send(text.toString());

    await().atMost(Duration.ofSeconds(30)).until(() -> client.received().length() >= text.length());
    assertThat(client.received()).isEqualTo(text.toString());
    client.endInput();
    forward.get(20, TimeUnit.SECONDS);
  }

  @Test
  void thePortSideEndingTheSessionFailsTheForwardWithTheAgentsReason() throws Exception {
    runningPod();
    TestConnection client = new TestConnection();

    Throwable error = catchThrowable(() -> forward(22, client).get(20, TimeUnit.SECONDS));

    assertThat(error).isInstanceOf(ExecutionException.class);
    ProviderException cause = (ProviderException) error.getCause();
    assertThat(cause.kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE);
    assertThat(cause.getMessage())
        .contains("Unable to connect to specified port")
        .contains("connection refused");
    assertThat(client.outputClosed()).isTrue();
  }

  @Test
  void cancellingTheForwardEndsTheSession() throws Exception {
    runningPod();
    TestConnection client = new TestConnection();
    CompletableFuture<Void> forward = forward(8080, client);
    client.send("x");
    await().atMost(Duration.ofSeconds(20)).until(() -> client.received().equals("x"));

    forward.cancel(true);

    await().atMost(Duration.ofSeconds(10)).until(client::outputClosed);
  }

  @Test
  void refusalsAreClassified() throws Exception {
    runningPod();

    ProviderException noPod =
        catchThrowableOfType(
            ProviderException.class,
            () -> provider.forward(PodRef.of("ns", "missing"), 80, new TestConnection()));
    ProviderException badPort =
        catchThrowableOfType(
            ProviderException.class, () -> provider.forward(ref, 0, new TestConnection()));
    emulator.get().faults().stopTask(RestartIT.taskId(pod), "UserInitiated", "stopped by the test");
    awaitPod(PodStatuses::isTerminal);
    ProviderException stopped =
        catchThrowableOfType(
            ProviderException.class, () -> provider.forward(ref, 80, new TestConnection()));

    assertThat(noPod.kind()).isEqualTo(ProviderException.Kind.NOT_FOUND);
    assertThat(badPort.kind()).isEqualTo(ProviderException.Kind.INVALID_INPUT);
    assertThat(stopped.kind()).isEqualTo(ProviderException.Kind.INVALID_INPUT);
    assertThat(stopped.getMessage()).contains("not running").contains("STOPPED");
  }

  @Test
  void startSessionChecksTheDocumentTheTargetAndThePortLikeSsm() throws Exception {
    runningPod();
    String taskId = RestartIT.taskId(pod);
    String runtimeId =
        pod.getStatus().getContainerStatuses().get(0).getContainerID().substring("ecs://".length());
    String target = "ecs:default_" + taskId + "_" + runtimeId;
    try (SsmClient ssm =
        SsmClient.builder()
            .endpointOverride(emulator.get().endpoint())
            .region(Region.of(emulator.get().region()))
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
            .httpClient(UrlConnectionHttpClient.create())
            .build()) {
      var ok =
          ssm.startSession(
              r ->
                  r.target(target)
                      .documentName("AWS-StartPortForwardingSession")
                      .parameters(Map.of("portNumber", List.of("80"))));
      assertThat(ok.streamUrl()).contains("/v1/data-channel/" + ok.sessionId());
      assertThat(ok.tokenValue()).isNotEmpty();

      assertThat(errorCode(ssm, target, "AWS-StartSSHSession", "22")).isEqualTo("InvalidDocument");
      assertThat(errorCode(ssm, "i-0123456789abcdef0", PORT_DOCUMENT, "80"))
          .isEqualTo("ValidationException");
      assertThat(errorCode(ssm, target.replace(taskId, "0".repeat(32)), PORT_DOCUMENT, "80"))
          .isEqualTo("TargetNotConnected");
      assertThat(errorCode(ssm, target, PORT_DOCUMENT, "70000")).isEqualTo("InvalidParameters");
    }
  }

  private static final String PORT_DOCUMENT = "AWS-StartPortForwardingSession";

  private static String errorCode(SsmClient ssm, String target, String document, String port) {
    SsmException e =
        catchThrowableOfType(
            SsmException.class,
            () ->
                ssm.startSession(
                    r ->
                        r.target(target)
                            .documentName(document)
                            .parameters(Map.of("portNumber", List.of(port)))));
    assertThat(e).as("StartSession %s %s %s fails", target, document, port).isNotNull();
    assertThat(e.statusCode()).isEqualTo(400);
    return e.awsErrorDetails().errorCode();
  }

  private CompletableFuture<Void> forward(int port, TestConnection client) throws Exception {
    return provider.forward(ref, port, client).toCompletableFuture();
  }

  /** A pod whose container runs until stopped, once it is ready. */
  private void runningPod() {
    pod = Pods.pod("ns", Pods.uniqueName("pf"));
    pod.getSpec().setRestartPolicy("Never");
    try {
      provider.createPod(pod);
    } catch (ProviderException e) {
      throw new AssertionError(e);
    }
    ref = PodRef.of("ns", pod.getMetadata().getName());
    pod = awaitPod(p -> PodStatuses.isTrue(p, "Ready"));
  }

  private V1Pod awaitPod(Predicate<V1Pod> condition) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> provider.getPod("ns", pod.getMetadata().getName()),
            p -> p.filter(condition).isPresent())
        .orElseThrow();
  }
}
