package dev.vk.emulator.aci.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vk.emulator.aci.arm.ArmException;
import dev.vk.emulator.aci.model.ContainerGroupSpec;
import dev.vk.emulator.aci.model.ContainerSpec;
import dev.vk.emulator.aci.model.VolumeSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rejects a container group PUT the way ACI does, in ACI's order: names, required properties,
 * containers, ports, volumes, then resources. Each failure is an {@link ArmException}.
 */
public final class ContainerGroupValidator {

  /** The regex ACI quotes in its naming errors. */
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  private static final String NAME_RULE =
      " must contain no more than 63 characters and must match the regex"
          + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?' (e.g. 'my-name').";

  private static final List<String> OS_TYPES = List.of("Linux", "Windows");

  private final double maxCpu;
  private final double maxMemoryGb;

  /** A validator enforcing the given per-group totals. */
  public ContainerGroupValidator(double maxCpu, double maxMemoryGb) {
    this.maxCpu = maxCpu;
    this.maxMemoryGb = maxMemoryGb;
  }

  /** Throws the error ACI would return for this body, or returns normally. */
  public void validate(String group, JsonNode body, ContainerGroupSpec spec) {
    if (!validName(group)) {
      throw new ArmException(
          400,
          "InvalidContainerGroupName",
          "The container group name '"
              + group
              + "' is invalid. The container group name"
              + NAME_RULE);
    }
    if (spec.location() == null) {
      throw new ArmException(
          400, "LocationRequired", "The location property is required for this definition.");
    }
    JsonNode props = body.path("properties");
    if (!props.path("containers").isArray() || spec.containers().isEmpty()) {
      throw ArmException.missingProperty("containers", "properties");
    }
    if (spec.osType() == null) {
      throw ArmException.missingProperty("osType", "properties");
    }
    if (!OS_TYPES.contains(spec.osType())) {
      throw invalidEnum(spec.osType(), "OperatingSystemTypes", "properties.osType");
    }
    try {
      spec.policy();
    } catch (IllegalArgumentException unknown) {
      throw invalidEnum(
          spec.restartPolicy(), "ContainerGroupRestartPolicy", "properties.restartPolicy");
    }
    checkContainers(group, spec);
    PortRules.check(group, spec);
    DnsAndRegistryRules.check(group, body);
    checkVolumes(group, spec);
    ResourceRules.check(group, spec, maxCpu, maxMemoryGb);
  }

  /** ACI's rule for container group and container names, plus ARM's no-double-hyphen rule. */
  static boolean validName(String name) {
    return name != null
        && name.length() <= 63
        && NAME.matcher(name).matches()
        && !name.contains("--");
  }

  private static void checkContainers(String group, ContainerGroupSpec spec) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < spec.containers().size(); i++) {
      ContainerSpec c = spec.containers().get(i);
      String path = "properties.containers[" + i + "]";
      if (c.name() == null) {
        throw ArmException.missingProperty("name", path);
      }
      if (!validName(c.name())) {
        throw new ArmException(
            400,
            "InvalidContainerName",
            "The container name '"
                + c.name()
                + "' in container group '"
                + group
                + "' is invalid. The container name"
                + NAME_RULE);
      }
      if (!seen.add(c.name())) {
        throw new ArmException(
            400,
            "DuplicateContainerName",
            "The container name '"
                + c.name()
                + "' is used by more than one container in"
                + " container group '"
                + group
                + "'. Container names must be unique.");
      }
      if (c.image() == null || c.image().isBlank()) {
        throw ArmException.missingProperty("image", path + ".properties");
      }
      if (c.cpu() == null || c.memoryInGb() == null) {
        throw ArmException.missingProperty(
            c.cpu() == null ? "cpu" : "memoryInGB", path + ".properties.resources.requests");
      }
      if (c.image().contains("doesnotexist")) {
        throw new ArmException(
            400,
            "InaccessibleImage",
            "The image '"
                + c.image()
                + "' in container group '"
                + group
                + "' is not accessible. Please check the image and registry credential.");
      }
    }
  }

  private static void checkVolumes(String group, ContainerGroupSpec spec) {
    Set<String> names = new HashSet<>();
    for (VolumeSpec v : spec.volumes()) {
      boolean oneSupported =
          v.kinds().size() == 1 && VolumeSpec.SUPPORTED.contains(v.kinds().get(0));
      if (v.name() == null || !oneSupported) {
        throw new ArmException(
            400,
            "InvalidVolume",
            "The volume '"
                + v.name()
                + "' in container group '"
                + group
                + "' is invalid:"
                + " exactly one of 'azureFile', 'emptyDir', 'secret' or 'gitRepo' must be"
                + " specified, found "
                + v.kinds()
                + ".");
      }
      names.add(v.name());
    }
    for (ContainerSpec c : spec.containers()) {
      for (String mount : c.volumeMounts()) {
        if (!names.contains(mount)) {
          throw new ArmException(
              400,
              "InvalidVolumeMount",
              "The volume mount '"
                  + mount
                  + "' of container '"
                  + c.name()
                  + "' does not match any volume of container group '"
                  + group
                  + "'.");
        }
      }
    }
  }

  private static ArmException invalidEnum(String value, String type, String path) {
    return new ArmException(
        400,
        "InvalidRequestContent",
        "The request content was invalid and could not be deserialized: 'Error converting value \""
            + value
            + "\" to type '"
            + type
            + "'. Path '"
            + path
            + "'.'.");
  }
}
