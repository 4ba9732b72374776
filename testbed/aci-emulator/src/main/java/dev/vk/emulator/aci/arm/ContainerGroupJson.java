package dev.vk.emulator.aci.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vk.emulator.aci.lifecycle.ContainerInstanceView;
import dev.vk.emulator.aci.lifecycle.ContainerTimeline;
import dev.vk.emulator.aci.lifecycle.GroupState;
import dev.vk.emulator.aci.lifecycle.LifecycleSettings;
import dev.vk.emulator.aci.model.ContainerGroup;
import dev.vk.emulator.aci.model.ContainerSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a stored group as ARM returns it: the body the client sent (without secrets) plus the
 * service's read-only fields: {@code provisioningState}, the IP, and the instance views.
 */
public final class ContainerGroupJson {

  private final LifecycleSettings settings;

  /** A renderer for groups simulated with {@code settings}. */
  public ContainerGroupJson(LifecycleSettings settings) {
    this.settings = settings;
  }

  /** The timings groups are simulated with. */
  public LifecycleSettings settings() {
    return settings;
  }

  /**
   * The resource at {@code now}; {@code withInstanceView} is false for list results, which omit
   * instance views on ACI.
   */
  public ObjectNode render(ContainerGroup group, Instant now, boolean withInstanceView) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("id", group.id());
    root.put("name", group.key().name());
    root.put("type", ContainerGroup.TYPE);
    root.put("location", group.location());
    root.set("tags", group.tags().deepCopy());
    if (group.body().path("identity").isObject()) {
      // ARM echoes the managed identities the group was given (plus ids it assigns).
      root.set("identity", group.body().get("identity").deepCopy());
    }
    ObjectNode props =
        group.body().path("properties").isObject()
            ? ((ObjectNode) group.body().get("properties")).deepCopy()
            : Json.MAPPER.createObjectNode();
    root.set("properties", props);
    String provisioning = GroupState.provisioningState(group.deployedAt(), now, settings);
    props.put("provisioningState", provisioning);
    props.put("restartPolicy", group.spec().policy().wireName());
    props.put("sku", props.path("sku").asText("Standard"));
    if (!props.has("initContainers")) {
      props.putArray("initContainers");
    }
    List<ContainerTimeline> timelines = new ArrayList<>();
    for (JsonNode container : props.withArrayProperty("containers")) {
      ContainerSpec spec = group.spec().container(container.path("name").asText());
      ContainerTimeline timeline = group.timeline(spec, now, settings);
      timelines.add(timeline);
      if (withInstanceView) {
        ObjectNode cprops = ((ObjectNode) container).withObjectProperty("properties");
        ContainerInstanceView view =
            ContainerInstanceView.of(spec.image(), group.deployedAt(), now, timeline);
        cprops.set("instanceView", Json.MAPPER.valueToTree(view));
      }
    }
    if (group.ip() != null && provisioning.equals("Succeeded")) {
      ObjectNode ip = props.withObjectProperty("ipAddress");
      ip.put("ip", group.ip());
      ip.put("type", ip.path("type").asText("Private"));
      if (!ip.has("ports")) {
        ArrayNode ports = ip.putArray("ports");
        group
            .spec()
            .containers()
            .forEach(
                c ->
                    c.ports()
                        .forEach(p -> ports.addObject().put("protocol", "TCP").put("port", p)));
      }
    }
    if (withInstanceView) {
      ObjectNode view = props.putObject("instanceView");
      view.putArray("events");
      view.put("state", GroupState.instanceState(timelines));
    }
    return root;
  }
}
