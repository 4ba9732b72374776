package dev.vk.provider.aci.arm;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.management.AzureEnvironment;
import com.azure.resourcemanager.resources.fluentcore.utils.ResourceManagerUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the ARM token on a thread of its own as soon as the client is built, so the node's first
 * ARM call (its startup list) finds the token held ({@link CachedCredential}) instead of waiting
 * for Entra ID while the node's start waits for that call. The request is the one ARM's
 * authentication policy makes (the default scope of the environment's ARM endpoint, no claims), so
 * the token fetched is the token used. A failure is only logged at debug: the first ARM call
 * fetches again and reports what went wrong.
 */
final class TokenAhead {
  private static final Logger logger = LoggerFactory.getLogger(TokenAhead.class);

  private TokenAhead() {}

  /** Starts fetching the ARM token of {@code environment}. Non-blocking. */
  static void fetch(TokenCredential credential, AzureEnvironment environment) {
    TokenRequestContext request = new TokenRequestContext().addScopes(scope(environment));
    Thread t =
        new Thread(
            () -> {
              try {
                credential.getTokenSync(request);
              } catch (RuntimeException e) {
                logger.debug("Fetching the ARM token ahead failed: {}", e.toString());
              }
            },
            "arm-token-ahead");
    t.setDaemon(true);
    t.start();
  }

  /** The scope ARM's authentication policy asks for on a request to the ARM endpoint. */
  static String scope(AzureEnvironment environment) {
    String arm = environment.getResourceManagerEndpoint();
    return ResourceManagerUtils.getDefaultScopeFromRequest(
        new HttpRequest(HttpMethod.GET, arm), environment);
  }
}
