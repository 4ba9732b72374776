package dev.vk.emulator.ecs.state;

/**
 * The awsvpc ENI of one task, reported as the ElasticNetworkInterface attachment and in each
 * container's networkInterfaces.
 */
public record NetworkInterface(
    String attachmentId,
    String networkInterfaceId,
    String macAddress,
    String privateIpv4Address,
    String privateDnsName,
    String subnetId) {}
