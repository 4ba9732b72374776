package dev.vk.emulator.aci.monitor;

import static dev.vk.emulator.aci.server.Route.Kind.ARM;

import dev.vk.emulator.aci.server.Route;
import java.util.List;

/**
 * Azure Monitor's metrics endpoint. Served on the emulator's one address, which stands for the
 * regional {@code https://<region>.metrics.monitor.azure.com} host.
 */
public final class MonitorRoutes {

  private MonitorRoutes() {}

  /** The routes, counted under {@code metrics.getBatch}. */
  public static List<Route> routes(MetricsApi metrics) {
    return List.of(
        Route.of(
            "POST",
            "/subscriptions/{subscriptionId}/metrics:getBatch",
            "metrics.getBatch",
            ARM,
            metrics::getBatch));
  }
}
