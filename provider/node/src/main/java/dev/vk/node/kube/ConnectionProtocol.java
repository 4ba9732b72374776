package dev.vk.node.kube;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records which protocol the API server connection actually negotiated (ALPN), and logs it with the
 * TLS cipher suite when it changes: with HTTP/2 the client's pings find a dead connection; with
 * HTTP/1.1 only the read timeout does.
 */
final class ConnectionProtocol implements Interceptor {
  private static final Logger logger = LoggerFactory.getLogger(ConnectionProtocol.class);

  private final String client;
  private final String onHttp2;
  private final String onHttp1;
  private final AtomicReference<Protocol> last = new AtomicReference<>();

  ConnectionProtocol(String client, String onHttp2, String onHttp1) {
    this.client = client;
    this.onHttp2 = onHttp2;
    this.onHttp1 = onHttp1;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Connection connection = chain.connection();
    if (connection != null) {
      Protocol p = connection.protocol();
      if (last.getAndSet(p) != p) {
        logger.info(
            "API server connection for {}: {}{} ({})",
            client,
            p,
            connection.handshake() == null
                ? ""
                : ", " + connection.handshake().cipherSuite().javaName(),
            p == Protocol.HTTP_2 ? onHttp2 : onHttp1);
      }
    }
    return chain.proceed(chain.request());
  }

  /** The protocol of the last call; null before the first. */
  Protocol last() {
    return last.get();
  }
}
