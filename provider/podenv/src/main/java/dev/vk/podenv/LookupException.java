package dev.vk.podenv;

/** An object could not be read for a reason other than NotFound (API error, timeout, RBAC). */
public class LookupException extends Exception {

  public LookupException(String message) {
    super(message);
  }

  public LookupException(String message, Throwable cause) {
    super(message, cause);
  }
}
