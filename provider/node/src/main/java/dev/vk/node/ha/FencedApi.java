package dev.vk.node.ha;

import io.kubernetes.client.openapi.ApiClient;
import java.io.IOException;
import java.util.Set;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses every API write (any method but GET and HEAD) of the node while its {@link WriteGate} is
 * closed: pod status patches, pod deletes, node and node-Lease writes, events. It sits in the HTTP
 * client, so no write path can forget to check; the refusal fails the call before a byte is sent.
 */
public final class FencedApi implements Interceptor {
  private static final Logger logger = LoggerFactory.getLogger(FencedApi.class);
  private static final Set<String> READS = Set.of("GET", "HEAD");

  private final WriteGate gate;

  private FencedApi(WriteGate gate) {
    this.gate = gate;
  }

  /** Puts the fence into {@code client}'s HTTP client. Call before the client is shared. */
  public static void install(ApiClient client, WriteGate gate) {
    OkHttpClient http = client.getHttpClient();
    client.setHttpClient(http.newBuilder().addInterceptor(new FencedApi(gate)).build());
  }

  /** Cancels the calls in flight and closes idle connections (a term ended). Never blocks. */
  public static void cut(ApiClient client) {
    client.getHttpClient().dispatcher().cancelAll();
    client.getHttpClient().connectionPool().evictAll();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    String method = chain.request().method();
    if (!READS.contains(method) && !gate.open()) {
      String what = method + " " + chain.request().url().encodedPath();
      logger.warn("Fenced: refused {} ({} is closed: not the leader)", what, gate);
      throw new FencedException("not the leader: refused " + what);
    }
    return chain.proceed(chain.request());
  }

  /** A write refused by the fence. */
  public static final class FencedException extends IOException {
    private static final long serialVersionUID = 1L;

    FencedException(String message) {
      super(message);
    }
  }
}
