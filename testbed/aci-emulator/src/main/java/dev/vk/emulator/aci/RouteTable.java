package dev.vk.emulator.aci;

import static dev.vk.emulator.aci.server.Route.Kind.AAD;
import static dev.vk.emulator.aci.server.Route.Kind.ADMIN;
import static dev.vk.emulator.aci.server.Route.Kind.ARM;

import dev.vk.emulator.aci.aad.AadApi;
import dev.vk.emulator.aci.admin.AdminApi;
import dev.vk.emulator.aci.arm.AsyncOperations;
import dev.vk.emulator.aci.arm.ContainerGroupsApi;
import dev.vk.emulator.aci.arm.ContainersApi;
import dev.vk.emulator.aci.server.Route;
import java.util.List;

/** Every endpoint and the operation name its calls are counted under. */
final class RouteTable {

  private static final String SUB = "/subscriptions/{subscriptionId}";
  private static final String RP = "/providers/Microsoft.ContainerInstance";
  private static final String GROUPS =
      SUB + "/resourceGroups/{resourceGroupName}" + RP + "/containerGroups";
  private static final String GROUP = GROUPS + "/{containerGroupName}";
  private static final String CONTAINER = GROUP + "/containers/{containerName}";
  private static final String ADMIN_GROUP =
      AdminApi.PREFIX + "/resourceGroups/{resourceGroupName}/containerGroups/{containerGroupName}";

  private RouteTable() {}

  static List<Route> routes(
      ContainerGroupsApi groups,
      ContainersApi containers,
      AsyncOperations operations,
      AadApi aad,
      AdminApi admin) {
    return List.of(
        Route.of(
            "GET", GROUPS, "containerGroups.listByResourceGroup", ARM, groups::listByResourceGroup),
        Route.of("GET", SUB + RP + "/containerGroups", "containerGroups.list", ARM, groups::list),
        Route.of("PUT", GROUP, "containerGroups.createOrUpdate", ARM, groups::createOrUpdate),
        Route.of("GET", GROUP, "containerGroups.get", ARM, groups::get),
        Route.of("PATCH", GROUP, "containerGroups.update", ARM, groups::update),
        Route.of("DELETE", GROUP, "containerGroups.delete", ARM, groups::delete),
        Route.of("POST", GROUP + "/restart", "containerGroups.restart", ARM, groups::restart),
        Route.of("GET", CONTAINER + "/logs", "containers.listLogs", ARM, containers::listLogs),
        Route.of(
            "POST",
            CONTAINER + "/exec",
            "containers.executeCommand",
            ARM,
            containers::executeCommand),
        Route.of("POST", CONTAINER + "/attach", "containers.attach", ARM, containers::attach),
        Route.of(
            "GET",
            SUB + RP + "/locations/{location}/operations/{operationId}",
            "operations.get",
            ARM,
            operations::get),
        Route.of("GET", AdminApi.PREFIX + "/calls", "admin.calls", ADMIN, admin::calls),
        Route.of(
            "DELETE", AdminApi.PREFIX + "/calls", "admin.resetCalls", ADMIN, admin::resetCalls),
        Route.of("GET", AdminApi.PREFIX + "/faults", "admin.faults", ADMIN, admin::faults),
        Route.of(
            "POST", AdminApi.PREFIX + "/faults", "admin.injectFault", ADMIN, admin::injectFault),
        Route.of(
            "DELETE",
            AdminApi.PREFIX + "/faults",
            "admin.removeFaults",
            ADMIN,
            admin::removeFaults),
        Route.of(
            "DELETE",
            AdminApi.PREFIX + "/faults/{faultId}",
            "admin.removeFault",
            ADMIN,
            admin::removeFaults),
        Route.of("POST", ADMIN_GROUP + "/delete", "admin.deleteGroup", ADMIN, admin::deleteGroup),
        Route.of(
            "POST",
            ADMIN_GROUP + "/containers/{containerName}/exit",
            "admin.exitContainer",
            ADMIN,
            admin::exitContainer),
        Route.of(
            "GET", AdminApi.PREFIX + "/ca.pem", "admin.caCertificate", ADMIN, admin::caCertificate),
        Route.of(
            "GET",
            "/common/discovery/instance",
            "aad.instanceDiscovery",
            AAD,
            aad::instanceDiscovery),
        Route.of("POST", "/{tenant}/oauth2/v2.0/token", "aad.token", AAD, aad::token),
        Route.of(
            "GET",
            "/{tenant}/v2.0/.well-known/openid-configuration",
            "aad.openIdConfiguration",
            AAD,
            aad::openIdConfiguration));
  }
}
