package dev.vk.provider.aci.metrics;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.kubelet.types.ProviderException.Kind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One call of Azure Monitor's {@code POST {endpoint}/subscriptions/{id}/metrics:getBatch}: {@code
 * CpuUsage} and {@code MemoryUsage} of up to {@value #MAX_RESOURCES} container groups, averaged per
 * minute and split by container. Sent through an azure-core pipeline that carries the node's
 * credential for the metrics audience. Thread-safe; blocks on the call.
 */
public final class MetricsBatchClient implements BatchQuery {

  /** What Azure Monitor accepts in one batch. */
  public static final int MAX_RESOURCES = 50;

  /** The token audience of the metrics data plane (every public region). */
  public static final String SCOPE = "https://metrics.monitor.azure.com/.default";

  static final String API_VERSION = "2024-02-01";
  static final String NAMESPACE = "Microsoft.ContainerInstance/containerGroups";
  static final Duration INTERVAL = Duration.ofMinutes(1);

  private final HttpPipeline pipeline;
  private final String endpoint;
  private final String subscriptionId;

  /**
   * @param endpoint the regional metrics endpoint, e.g. {@code
   *     https://westeurope.metrics.monitor.azure.com}, without a trailing slash
   */
  public MetricsBatchClient(HttpPipeline pipeline, String endpoint, String subscriptionId) {
    this.pipeline = pipeline;
    this.endpoint = endpoint;
    this.subscriptionId = subscriptionId;
  }

  /**
   * The samples of {@code resourceIds} between {@code start} and {@code end}. A read, safe to
   * repeat; each call is one request against the subscription's Azure Monitor budget. Blocks.
   *
   * @throws ProviderException THROTTLED (429, with Retry-After), NOT_PERMITTED (401/403),
   *     INVALID_INPUT (400), UNAVAILABLE (5xx, network)
   */
  @Override
  public List<MetricSample> query(List<String> resourceIds, Instant start, Instant end)
      throws ProviderException {
    if (resourceIds.size() > MAX_RESOURCES) {
      throw new IllegalArgumentException("at most " + MAX_RESOURCES + " ids per batch");
    }
    String url =
        endpoint
            + "/subscriptions/"
            + subscriptionId
            + "/metrics:getBatch?api-version="
            + API_VERSION
            + "&metricnamespace="
            + encode(NAMESPACE)
            + "&metricnames=CpuUsage,MemoryUsage&aggregation=average&interval="
            + INTERVAL
            + "&starttime="
            + encode(start.truncatedTo(ChronoUnit.SECONDS).toString())
            + "&endtime="
            + encode(end.truncatedTo(ChronoUnit.SECONDS).toString())
            + "&filter="
            + encode("containerName eq '*'");
    String body =
        resourceIds.stream()
            .map(id -> "\"" + id.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
            .collect(Collectors.joining(",", "{\"resourceids\":[", "]}"));
    HttpRequest request =
        new HttpRequest(HttpMethod.POST, url)
            .setHeader(HttpHeaderName.CONTENT_TYPE, "application/json")
            .setHeader(HttpHeaderName.ACCEPT, "application/json")
            .setBody(body);
    int status;
    String text;
    String retryAfter;
    try (HttpResponse response = pipeline.sendSync(request, Context.NONE)) {
      status = response.getStatusCode();
      retryAfter = response.getHeaderValue(HttpHeaderName.RETRY_AFTER);
      text = response.getBodyAsBinaryData().toString();
    } catch (ClientAuthenticationException e) {
      throw new ProviderException(
          Kind.NOT_PERMITTED,
          "Azure Monitor metrics batch: no token for " + SCOPE + ": " + e.getMessage(),
          e);
    } catch (RuntimeException e) {
      throw new ProviderException(
          Kind.UNAVAILABLE, "Azure Monitor metrics batch: network error: " + e.getMessage(), e);
    }
    if (status == 200) {
      try {
        return BatchResponse.parse(text);
      } catch (IllegalArgumentException e) {
        throw new ProviderException(Kind.INTERNAL, e.getMessage(), e);
      }
    }
    throw failure(status, text, retryAfter);
  }

  private static ProviderException failure(int status, String body, String retryAfter) {
    String message = "Azure Monitor metrics batch: " + status + ": " + body;
    return switch (status) {
      case 429 -> new ProviderException(Kind.THROTTLED, message, retryAfter(retryAfter), null);
      case 401, 403 ->
          new ProviderException(
              Kind.NOT_PERMITTED,
              message
                  + " (the node's identity needs Monitoring Reader on the resource group, and a"
                  + " token for "
                  + SCOPE
                  + ")");
      case 400, 413 -> new ProviderException(Kind.INVALID_INPUT, message);
      default ->
          status == 408 || status >= 500
              ? new ProviderException(Kind.UNAVAILABLE, message)
              : new ProviderException(Kind.INTERNAL, message);
    };
  }

  static Duration retryAfter(String header) {
    try {
      return header == null
          ? Duration.ofSeconds(30)
          : Duration.ofSeconds(Long.parseLong(header.trim()));
    } catch (NumberFormatException e) {
      return Duration.ofSeconds(30);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
