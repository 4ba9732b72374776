package dev.vk.node.kube;

import io.kubernetes.client.openapi.ApiException;

/** Classifies API server answers, so callers test a kind instead of a number. */
public final class ApiErrors {
  private ApiErrors() {}

  public static boolean notFound(ApiException e) {
    return e.getCode() == 404;
  }

  public static boolean conflict(ApiException e) {
    return e.getCode() == 409;
  }

  /** 404 and 409 answer a delete whose object is already gone or was replaced. */
  public static boolean goneOrReplaced(ApiException e) {
    return notFound(e) || conflict(e);
  }

  /** A short description that includes the server's message, not only the code. */
  public static String describe(ApiException e) {
    String body = e.getResponseBody();
    return "HTTP "
        + e.getCode()
        + (body == null || body.isBlank() ? " " + e.getMessage() : ": " + body);
  }
}
