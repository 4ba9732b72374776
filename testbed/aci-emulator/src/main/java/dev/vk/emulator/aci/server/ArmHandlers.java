package dev.vk.emulator.aci.server;

import dev.vk.emulator.aci.faults.Calls;
import dev.vk.emulator.aci.faults.Faults;
import java.time.Clock;
import java.util.Set;

/**
 * The shared, stateless handlers of the ARM chain, created once per server.
 *
 * @param route matches routes
 * @param faults records calls and injects faults
 * @param auth requires a bearer token
 * @param operation runs the operation
 */
public record ArmHandlers(
    RouteHandler route, FaultHandler faults, AuthHandler auth, OperationHandler operation) {

  /** The chain for one emulator. */
  public static ArmHandlers create(
      Router router,
      Calls calls,
      Faults faults,
      Clock clock,
      String subscription,
      Set<String> resourceGroups,
      SubscriptionBudget budget) {
    ResponseWriter writer = new ResponseWriter(calls, budget);
    return new ArmHandlers(
        new RouteHandler(router, writer),
        new FaultHandler(calls, faults, writer),
        new AuthHandler(writer),
        new OperationHandler(writer, subscription, resourceGroups));
  }
}
