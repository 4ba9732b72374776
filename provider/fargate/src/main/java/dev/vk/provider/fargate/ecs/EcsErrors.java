package dev.vk.provider.fargate.ecs;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.kubelet.types.ProviderException.Kind;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The one place where AWS failures (ECS, CloudWatch Logs, the ECS Exec data channel) become {@link
 * ProviderException} kinds. By then the SDK has already retried throttling and 5xx with backoff, so
 * what arrives here is what the retries could not fix.
 */
public final class EcsErrors {
  private static final Set<String> THROTTLING =
      Set.of(
          "ThrottlingException",
          "Throttling",
          "TooManyRequestsException",
          "RequestLimitExceeded",
          "LimitExceededException");
  private static final Set<String> INVALID =
      Set.of(
          "ClientException",
          "InvalidParameterException",
          "PlatformUnknownException",
          "PlatformTaskDefinitionIncompatibilityException",
          "UnsupportedFeatureException");
  private static final Set<String> NOT_FOUND =
      Set.of("ResourceNotFoundException", "TaskSetNotFoundException", "ServiceNotFoundException");
  private static final Set<String> UNAVAILABLE =
      Set.of(
          "ServerException",
          "ServiceUnavailableException",
          "TargetNotConnectedException",
          "ClusterNotFoundException",
          "ServiceUnavailable");

  /** How long a caller should wait after a throttle that survived the SDK's own retries. */
  static final Duration THROTTLE_RETRY_AFTER = Duration.ofSeconds(5);

  private EcsErrors() {}

  /** Classifies a failure of {@code action} (e.g. "RunTask for ns/name"). */
  public static ProviderException classify(String action, SdkException e) {
    String message = action + ": " + describe(e);
    if (e instanceof AwsServiceException service) {
      // A bare 429 or 5xx (a proxy, a load balancer) carries no error code; Set.of refuses null.
      String code =
          service.awsErrorDetails() == null || service.awsErrorDetails().errorCode() == null
              ? ""
              : service.awsErrorDetails().errorCode();
      if (THROTTLING.contains(code) || service.isThrottlingException()) {
        return new ProviderException(Kind.THROTTLED, message, THROTTLE_RETRY_AFTER, e);
      }
      if ("ConflictException".equals(code)) {
        return new ProviderException(Kind.CONFLICT, message, e);
      }
      if (NOT_FOUND.contains(code)) {
        return new ProviderException(Kind.NOT_FOUND, message, e);
      }
      if (UNAVAILABLE.contains(code) || service.statusCode() >= 500) {
        return new ProviderException(Kind.UNAVAILABLE, message, e);
      }
      if (INVALID.contains(code)) {
        return new ProviderException(Kind.INVALID_INPUT, message, e);
      }
      return new ProviderException(Kind.INTERNAL, message, e);
    }
    if (e instanceof SdkClientException) {
      return new ProviderException(Kind.UNAVAILABLE, message, e);
    }
    return new ProviderException(Kind.INTERNAL, message, e);
  }

  /**
   * The ECS Exec data channel (WebSocket to the session's stream URL) failed or closed without
   * ending the session: the agent, the service or the network went away, so a retry may work.
   */
  public static ProviderException execChannel(String detail, Throwable cause) {
    return new ProviderException(Kind.UNAVAILABLE, "ECS Exec data channel: " + detail, cause);
  }

  /** The exec session asks for something this client does not do (e.g. KMS encryption). */
  public static ProviderException execUnsupported(String detail) {
    return new ProviderException(Kind.UNSUPPORTED, "ECS Exec: " + detail);
  }

  /**
   * Whether DescribeTaskDefinition failed because the family has no revision (ECS says
   * ClientException).
   */
  public static boolean isMissingTaskDefinition(SdkException e) {
    return e instanceof AwsServiceException s
        && s.awsErrorDetails() != null
        && "ClientException".equals(s.awsErrorDetails().errorCode())
        && String.valueOf(s.awsErrorDetails().errorMessage())
            .toLowerCase(Locale.ROOT)
            .contains("task definition");
  }

  private static String describe(SdkException e) {
    if (e instanceof AwsServiceException s && s.awsErrorDetails() != null) {
      return s.awsErrorDetails().errorCode() + ": " + s.awsErrorDetails().errorMessage();
    }
    return e.getMessage();
  }
}
