package dev.vk.emulator.aci.server;

import dev.vk.emulator.aci.arm.ArmException;
import dev.vk.emulator.aci.arm.ArmRequest;
import dev.vk.emulator.aci.arm.ArmResponse;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the route's operation after ARM's scope checks (api-version, subscription, resource group)
 * and writes its response; errors become ARM error bodies here and nowhere else.
 */
@ChannelHandler.Sharable
public final class OperationHandler extends SimpleChannelInboundHandler<RoutedRequest> {

  private static final Logger logger = LoggerFactory.getLogger(OperationHandler.class);
  private static final Pattern API_VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(-preview)?");

  private final ResponseWriter writer;
  private final String subscription;
  private final Set<String> resourceGroups;

  /**
   * A handler for one subscription; {@code resourceGroups} lists the existing groups (lowercase),
   * empty meaning every name exists.
   */
  public OperationHandler(ResponseWriter writer, String subscription, Set<String> resourceGroups) {
    this.writer = writer;
    this.subscription = subscription;
    this.resourceGroups = resourceGroups;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, RoutedRequest routed) {
    ArmRequest request = routed.request();
    ArmResponse response;
    try {
      if (routed.route().kind() == Route.Kind.ARM) {
        checkScope(request);
      }
      response = routed.route().handler().handle(request);
    } catch (ArmException e) {
      logger.debug("{} {} -> {} {}", request.method(), request.uri(), e.status(), e.code());
      response = ArmResponse.error(e);
    } catch (RuntimeException e) {
      logger.error("{} {} failed", request.method(), request.uri(), e);
      response = ArmResponse.error(new ArmException(500, "InternalServerError", String.valueOf(e)));
    }
    writer.write(ctx, routed, response, false);
  }

  private void checkScope(ArmRequest request) {
    String version = request.queryParam("api-version");
    if (version == null) {
      throw new ArmException(
          400,
          "MissingApiVersionParameter",
          "The api-version query parameter (?api-version=) is required for all requests.");
    }
    if (!API_VERSION.matcher(version).matches()) {
      throw new ArmException(
          400,
          "InvalidApiVersionParameter",
          "The api-version '"
              + version
              + "' is invalid. The supported versions are of the form 'yyyy-mm-dd'.");
    }
    String sub = request.param("subscriptionId");
    if (sub != null && !sub.equalsIgnoreCase(subscription)) {
      throw new ArmException(
          404, "SubscriptionNotFound", "The subscription '" + sub + "' could not be found.");
    }
    String rg = request.param("resourceGroupName");
    if (rg != null
        && !resourceGroups.isEmpty()
        && !resourceGroups.contains(rg.toLowerCase(Locale.ROOT))) {
      throw new ArmException(
          404, "ResourceGroupNotFound", "Resource group '" + rg + "' could not be found.");
    }
  }
}
