package dev.vk.emulator.aci.aad;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vk.emulator.aci.arm.ArmRequest;
import dev.vk.emulator.aci.arm.ArmResponse;
import dev.vk.emulator.aci.arm.Json;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A stand-in for Microsoft Entra ID, enough for MSAL's client-credentials flow (what
 * azure-identity's {@code ClientSecretCredential} uses): the v2.0 token endpoint, the OpenID
 * configuration and the instance-discovery document. Any client id and secret are accepted; tokens
 * are unsigned JWTs.
 */
public final class AadApi {

  private static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

  private final Clock clock;
  private final Supplier<String> baseUrl;

  /** An identity provider whose URLs start with {@code baseUrl}. */
  public AadApi(Clock clock, Supplier<String> baseUrl) {
    this.clock = clock;
    this.baseUrl = baseUrl;
  }

  /** {@code POST /{tenant}/oauth2/v2.0/token} with a form body. */
  public ArmResponse token(ArmRequest request) {
    Map<String, List<String>> form =
        new QueryStringDecoder("?" + new String(request.body(), StandardCharsets.UTF_8))
            .parameters();
    String grant = first(form, "grant_type");
    if (!"client_credentials".equals(grant)) {
      return oauthError(
          400,
          "unsupported_grant_type",
          "AADSTS70003: The app requested an unsupported grant type '" + grant + "'.");
    }
    if (first(form, "client_id") == null) {
      return oauthError(
          400,
          "invalid_request",
          "AADSTS900144: The request body must contain the following parameter: 'client_id'.");
    }
    String scope =
        first(form, "scope") == null
            ? "https://management.core.windows.net//.default"
            : first(form, "scope");
    long now = clock.instant().getEpochSecond();
    ObjectNode claims =
        Json.MAPPER
            .createObjectNode()
            .put("aud", audience(scope))
            .put("iss", issuer(request.param("tenant")))
            .put("tid", request.param("tenant"))
            .put("appid", first(form, "client_id"))
            .put("iat", now)
            .put("nbf", now)
            .put("exp", now + TOKEN_LIFETIME.toSeconds());
    ObjectNode body =
        Json.MAPPER
            .createObjectNode()
            .put("token_type", "Bearer")
            .put("expires_in", TOKEN_LIFETIME.toSeconds())
            .put("ext_expires_in", TOKEN_LIFETIME.toSeconds())
            .put("access_token", unsignedJwt(claims));
    return ArmResponse.json(200, body);
  }

  /** {@code GET /{tenant}/v2.0/.well-known/openid-configuration}. */
  public ArmResponse openIdConfiguration(ArmRequest request) {
    String tenantBase = baseUrl.get() + "/" + request.param("tenant");
    ObjectNode body =
        Json.MAPPER
            .createObjectNode()
            .put("issuer", issuer(request.param("tenant")))
            .put("token_endpoint", tenantBase + "/oauth2/v2.0/token")
            .put("authorization_endpoint", tenantBase + "/oauth2/v2.0/authorize")
            .put("jwks_uri", tenantBase + "/discovery/v2.0/keys")
            .put("tenant_region_scope", "WW");
    body.putArray("response_types_supported").add("code").add("token");
    body.putArray("token_endpoint_auth_methods_supported").add("client_secret_post");
    return ArmResponse.json(200, body);
  }

  /** {@code GET /common/discovery/instance}: this host is its own, only alias. */
  public ArmResponse instanceDiscovery(ArmRequest request) {
    String host = URI.create(baseUrl.get()).getAuthority();
    ObjectNode body =
        Json.MAPPER
            .createObjectNode()
            .put(
                "tenant_discovery_endpoint",
                baseUrl.get() + "/common/v2.0/.well-known/openid-configuration")
            .put("api-version", "1.1");
    ObjectNode entry =
        body.putArray("metadata")
            .addObject()
            .put("preferred_network", host)
            .put("preferred_cache", host);
    entry.putArray("aliases").add(host);
    return ArmResponse.json(200, body);
  }

  private String issuer(String tenant) {
    return baseUrl.get() + "/" + tenant + "/v2.0";
  }

  private static String unsignedJwt(ObjectNode claims) {
    Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
    String header =
        encoder.encodeToString(
            "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    return header
        + "."
        + encoder.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8))
        + ".";
  }

  private static ArmResponse oauthError(int status, String error, String description) {
    return ArmResponse.json(
        status,
        Json.MAPPER.createObjectNode().put("error", error).put("error_description", description));
  }

  private static String first(Map<String, List<String>> form, String name) {
    List<String> values = form.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /**
   * The resource of the {@code <resource>/.default} scope among {@code scope}'s, as Entra ID sets
   * aud.
   */
  private static String audience(String scope) {
    for (String s : scope.split(" ")) {
      if (s.endsWith("/.default")) {
        return s.substring(0, s.length() - "/.default".length());
      }
    }
    return scope;
  }
}
