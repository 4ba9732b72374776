package dev.vk.emulator.aci.arm;

/**
 * An ARM error response: HTTP status plus the {@code {"error":{"code","message"}}} body. Thrown by
 * operations and turned into a response in one place ({@code OperationHandler}).
 */
public final class ArmException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;

  /** An error with the given HTTP status, ARM error code and message. */
  public ArmException(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The ARM error code, e.g. {@code ResourceNotFound}. */
  public String code() {
    return code;
  }

  /** 400 with ARM's wording for a missing required property. */
  public static ArmException missingProperty(String property, String path) {
    return new ArmException(
        400,
        "InvalidRequestContent",
        "The request content was invalid and could not be deserialized: 'Required property '"
            + property
            + "' not found in JSON. Path '"
            + path
            + "'.'.");
  }

  /** 404 for a container group that does not exist. */
  public static ArmException groupNotFound(String resourceGroup, String name) {
    return new ArmException(
        404,
        "ResourceNotFound",
        "The Resource 'Microsoft.ContainerInstance/containerGroups/"
            + name
            + "' under resource group '"
            + resourceGroup
            + "' was not found. For more details please go to"
            + " https://aka.ms/ARMResourceNotFoundFix");
  }
}
