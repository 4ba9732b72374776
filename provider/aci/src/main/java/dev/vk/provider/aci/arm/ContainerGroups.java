package dev.vk.provider.aci.arm;

import com.azure.core.http.rest.Response;
import com.azure.core.management.Resource;
import com.azure.core.util.Context;
import com.azure.core.util.FluxUtil;
import com.azure.resourcemanager.containerinstance.fluent.ContainerInstanceManagementClient;
import com.azure.resourcemanager.containerinstance.fluent.models.ContainerExecResponseInner;
import com.azure.resourcemanager.containerinstance.fluent.models.ContainerGroupInner;
import com.azure.resourcemanager.containerinstance.models.ContainerExecRequest;
import com.azure.resourcemanager.containerinstance.models.ContainerExecRequestTerminalSize;
import dev.vk.kubelet.types.ProviderException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import reactor.core.publisher.Flux;

/**
 * The ARM operations the provider uses on one resource group, each through {@link ArmCalls}. Every
 * method blocks on ARM and is safe to repeat. Long-running operations are not polled: the status
 * tracker watches groups anyway, so a PUT or DELETE costs one ARM call.
 */
public final class ContainerGroups {

  private final ContainerInstanceManagementClient client;
  private final String resourceGroup;
  private final ArmCalls calls;
  private final ListedNames names = new ListedNames();

  /**
   * @param calls the retry policy every operation goes through
   */
  public ContainerGroups(
      ContainerInstanceManagementClient client, String resourceGroup, ArmCalls calls) {
    this.client = client;
    this.resourceGroup = resourceGroup;
    this.calls = calls;
  }

  /** The group with its instance view, or empty when ARM has none by that name. */
  public Optional<ContainerGroupInner> get(String name) throws ProviderException {
    try {
      return Optional.of(
          calls.call(
              "get container group " + name,
              () -> client.getContainerGroups().getByResourceGroup(resourceGroup, name)));
    } catch (ProviderException e) {
      if (e.kind() == ProviderException.Kind.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * What {@code keep} makes of each group of the resource group (without instance views), in list
   * order; one ARM call per page. Pages are read one at a time and each entry is handed to {@code
   * keep} as its page arrives, so only what {@code keep} returns outlives its page. A list that
   * fails part way is read again from the start.
   */
  public <T> List<T> list(Function<ContainerGroupInner, Optional<T>> keep)
      throws ProviderException {
    long started = names.listing();
    Set<String> all = new HashSet<>();
    List<T> kept =
        calls.call(
            "list container groups of " + resourceGroup,
            () -> {
              all.clear();
              List<T> out = new ArrayList<>();
              for (ContainerGroupInner group :
                  client.getContainerGroups().listByResourceGroup(resourceGroup)) {
                all.add(group.name());
                keep.apply(group).ifPresent(out::add);
              }
              return out;
            });
    names.listed(started, all);
    return kept;
  }

  /**
   * True when no group {@code name} can exist but one this instance is creating: the last list had
   * none and this instance has not written it since, or this instance deleted it last ({@link
   * ListedNames}). A create then needs no GET first. No ARM call.
   */
  public boolean knownFree(String name) {
    return names.knownFree(name);
  }

  /**
   * True when this instance deleted the group {@code name} (ARM answered 200 or 204) and has not
   * written it since: asking whether its pod still runs needs no GET. No ARM call.
   */
  public boolean knownGone(String name) {
    return names.knownGone(name);
  }

  /** PUT: creates or redeploys the group by name; returns the HTTP status. */
  public int put(String name, ContainerGroupInner group) throws ProviderException {
    names.touching(name);
    try {
      return calls.call(
          "create container group " + name,
          () ->
              drained(
                  client
                      .getContainerGroups()
                      .createOrUpdateWithResponseAsync(resourceGroup, name, group)
                      .block()));
    } finally {
      names.touching(name);
    }
  }

  /** PATCH of the tags only, which ACI applies without touching the containers. */
  void updateTags(String name, Map<String, String> tags) throws ProviderException {
    calls.call(
        "update tags of container group " + name,
        () ->
            client.getContainerGroups().update(resourceGroup, name, new Resource().withTags(tags)));
  }

  /**
   * DELETE; a group that is already gone is not an error. A 200 or 204 leaves the name {@link
   * #knownGone}; a 202 (ARM still deleting) does not.
   */
  public void delete(String name) throws ProviderException {
    names.touching(name);
    int status = 404; // what a group that is already gone answers
    try {
      status =
          calls.call(
              "delete container group " + name,
              () ->
                  drained(
                      client
                          .getContainerGroups()
                          .deleteWithResponseAsync(resourceGroup, name)
                          .block()));
    } catch (ProviderException e) {
      if (e.kind() != ProviderException.Kind.NOT_FOUND) {
        names.touching(name); // ARM may have acted on it: a list begun after this decides
        throw e;
      }
    }
    if (status == 202) {
      names.touching(name); // still deleting: a list begun after this decides
    } else {
      names.deleted(name);
    }
  }

  /** The container's current log ({@code tail} null for all), with RFC 3339 timestamps. */
  public String logs(String group, String container, Integer tail) throws ProviderException {
    return calls.call(
        "read logs of " + group + "/" + container,
        () -> {
          var logs =
              client
                  .getContainers()
                  .listLogsWithResponse(resourceGroup, group, container, tail, true, Context.NONE)
                  .getValue();
          return logs == null || logs.content() == null ? "" : logs.content();
        });
  }

  /** Starts {@code command} in a container; the response holds the WebSocket URI and password. */
  public ContainerExecResponseInner exec(
      String group, String container, String command, int rows, int cols) throws ProviderException {
    ContainerExecRequest request =
        new ContainerExecRequest()
            .withCommand(command)
            .withTerminalSize(new ContainerExecRequestTerminalSize().withRows(rows).withCols(cols));
    return calls.call(
        "exec in " + group + "/" + container,
        () -> client.getContainers().executeCommand(resourceGroup, group, container, request));
  }

  /** Opens an attach session: a WebSocket URI and the password for its Authorization header. */
  public com.azure.resourcemanager.containerinstance.fluent.models.ContainerAttachResponseInner
      attach(String group, String container) throws ProviderException {
    return calls.call(
        "attach to " + group + "/" + container,
        () -> client.getContainers().attach(resourceGroup, group, container));
  }

  /** Reads the body so that the connection is released; the group is read later anyway. */
  private static int drained(Response<Flux<ByteBuffer>> response) {
    FluxUtil.collectBytesInByteBufferStream(response.getValue()).block();
    return response.getStatusCode();
  }
}
