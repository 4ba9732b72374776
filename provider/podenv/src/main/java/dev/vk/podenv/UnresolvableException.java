package dev.vk.podenv;

/** A downward API reference that cannot be resolved; the pod must not start. */
final class UnresolvableException extends Exception {

  UnresolvableException(String message) {
    super(message);
  }
}
