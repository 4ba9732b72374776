package dev.vk.provider.aci.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.util.serializer.JacksonAdapter;
import com.azure.core.util.serializer.SerializerEncoding;
import com.azure.resourcemanager.containerinstance.fluent.models.ContainerGroupInner;
import dev.vk.provider.testkit.Pods;
import dev.vk.provider.testkit.TestingKubernetesAccess;
import io.kubernetes.client.openapi.models.V1Pod;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ACI events to Kubernetes Events: once each, and not again after the node restarts. */
class AciEventsTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final String PULLING =
      event("Pulling", "Normal", "pulling image \\\"busybox\\\"", T0.plusSeconds(1), 1);
  private static final String STARTED =
      event("Started", "Normal", "Started container", T0.plusSeconds(5), 1);
  private static final String SCHEDULED =
      event("Scheduled", "Normal", "group placed", T0.plusSeconds(1), 1);

  private final TestingKubernetesAccess recorded = new TestingKubernetesAccess();
  private final V1Pod pod = Pods.pod("team", "web");

  @Test
  void eachAciEventBecomesOneKubernetesEventOnThePod() throws Exception {
    AciEvents events = new AciEvents(recorded, clockAt(T0));
    String backOff = event("BackOff", "Warning", "Back-off restarting", T0.plusSeconds(9), 1);
    ContainerGroupInner group = group(List.of(SCHEDULED), List.of(PULLING, STARTED, backOff));

    events.observe(group, pod);
    events.observe(group, pod);

    assertThat(events())
        .containsExactly(
            "Normal Scheduled group placed",
            "Normal Pulling container app: pulling image \"busybox\"",
            "Normal Started container app: Started container",
            "Warning BackOff container app: Back-off restarting");
  }

  @Test
  void aRepeatedAciEventIsReportedAgainWhenItsCountGrows() throws Exception {
    AciEvents events = new AciEvents(recorded, clockAt(T0));
    events.observe(group(List.of(), List.of(backOff(2, 20))), pod);
    events.observe(group(List.of(), List.of(backOff(2, 20))), pod);
    events.observe(group(List.of(), List.of(backOff(3, 40))), pod);

    assertThat(events())
        .containsExactly(
            "Warning BackOff container app: Back-off restarting",
            "Warning BackOff container app: Back-off restarting");
  }

  @Test
  void aRestartedNodeDoesNotPostOldEventsAgainButPostsNewOnesOnce() throws Exception {
    ContainerGroupInner group = group(List.of(SCHEDULED), List.of(PULLING, STARTED));
    new AciEvents(recorded, clockAt(T0)).observe(group, pod);
    assertThat(events()).hasSize(3);
    recorded.events.clear();

    Instant restart = T0.plus(Duration.ofHours(1));
    AciEvents afterRestart = new AciEvents(recorded, clockAt(restart));
    afterRestart.observe(group, pod);
    afterRestart.observe(group, pod);
    assertThat(events()).as("events the previous instance reported").isEmpty();

    String killing = event("Killing", "Normal", "Killing container", restart.plusSeconds(3), 1);
    ContainerGroupInner later = group(List.of(SCHEDULED), List.of(PULLING, STARTED, killing));
    afterRestart.observe(later, pod);
    afterRestart.observe(later, pod);
    assertThat(events()).containsExactly("Normal Killing container app: Killing container");
  }

  @Test
  void afterARestartAnOldEventThatRecursIsReportedOnce() throws Exception {
    Instant restart = T0.plus(Duration.ofHours(1));
    AciEvents afterRestart = new AciEvents(recorded, clockAt(restart));

    afterRestart.observe(group(List.of(), List.of(backOff(7, 60))), pod);
    assertThat(events()).isEmpty();

    String recurred = event("BackOff", "Warning", "Back-off restarting", T0, restart, 8);
    afterRestart.observe(group(List.of(), List.of(recurred)), pod);
    afterRestart.observe(group(List.of(), List.of(recurred)), pod);
    assertThat(events()).containsExactly("Warning BackOff container app: Back-off restarting");
  }

  @Test
  void eventsShortlyBeforeTheStartAreReportedSinceTheyMayHaveHappenedWhileTheNodeWasDown()
      throws Exception {
    Instant start = T0.plusSeconds(5).plus(AciEvents.REPLAY_MARGIN).minusSeconds(1);
    new AciEvents(recorded, clockAt(start))
        .observe(group(List.of(SCHEDULED), List.of(PULLING, STARTED)), pod);

    assertThat(events())
        .as("only Started (T0+5s) is within the margin before the start")
        .containsExactly("Normal Started container app: Started container");
  }

  private static String backOff(int count, int lastSeconds) {
    return event(
        "BackOff", "Warning", "Back-off restarting", T0, T0.plusSeconds(lastSeconds), count);
  }

  private static String event(String name, String type, String message, Instant at, int count) {
    return event(name, type, message, at, at, count);
  }

  private static String event(
      String name, String type, String message, Instant first, Instant last, int count) {
    return "{\"name\":\""
        + name
        + "\",\"type\":\""
        + type
        + "\",\"message\":\""
        + message
        + "\",\"firstTimestamp\":\""
        + first
        + "\",\"lastTimestamp\":\""
        + last
        + "\",\"count\":"
        + count
        + "}";
  }

  private static ContainerGroupInner group(List<String> groupEvents, List<String> appEvents)
      throws IOException {
    String json =
        "{\"name\":\"team-web\",\"location\":\"westeurope\",\"properties\":{"
            + "\"osType\":\"Linux\",\"instanceView\":{\"state\":\"Running\",\"events\":["
            + String.join(",", groupEvents)
            + "]},\"containers\":[{\"name\":\"app\",\"properties\":{\"image\":\"busybox\","
            + "\"resources\":{\"requests\":{\"cpu\":1,\"memoryInGB\":1.5}},"
            + "\"instanceView\":{\"restartCount\":0,\"events\":["
            + String.join(",", appEvents)
            + "]}}}]}}";
    return JacksonAdapter.createDefaultSerializerAdapter()
        .deserialize(json, ContainerGroupInner.class, SerializerEncoding.JSON);
  }

  private static Clock clockAt(Instant instant) {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }

  /** The events posted, as {@code type reason message}. */
  private List<String> events() {
    return recorded.events.stream()
        .map(e -> e.substring(e.indexOf(' ') + 1).replaceFirst(": ", " "))
        .toList();
  }
}
