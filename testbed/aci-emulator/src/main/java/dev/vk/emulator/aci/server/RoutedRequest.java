package dev.vk.emulator.aci.server;

import dev.vk.emulator.aci.arm.ArmRequest;

/**
 * What travels between the server's handlers: the request, its route, and its number in the call
 * timeline (0 when not counted).
 *
 * @param route the matched route, null when none matched
 * @param request the request
 * @param sequence call number in {@code Calls}, 0 if not counted
 */
public record RoutedRequest(Route route, ArmRequest request, long sequence) {

  /** This request with its call number. */
  RoutedRequest counted(long number) {
    return new RoutedRequest(route, request, number);
  }
}
