package dev.vk.provider.aci.registry;

import com.azure.resourcemanager.containerinstance.models.ImageRegistryCredential;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.vk.kubelet.types.ProviderException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an image's ENTRYPOINT through the Docker Registry HTTP API v2: the manifest (an OCI index
 * or Docker manifest list picks the platform's manifest), then its config blob. A 401 is answered
 * as registries ask in {@code WWW-Authenticate}: Bearer (a token from the realm, anonymous or with
 * the pod's registry credentials) or Basic. Thread-safe; every call blocks on HTTP.
 */
public final class RegistryClient implements Entrypoints {

  static final String ACCEPT =
      String.join(
          ", ",
          "application/vnd.oci.image.index.v1+json",
          "application/vnd.docker.distribution.manifest.list.v2+json",
          "application/vnd.oci.image.manifest.v1+json",
          "application/vnd.docker.distribution.manifest.v2+json");

  private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  private final HttpClient http;
  private final Optional<URI> override;
  private final String os;
  private final Duration timeout;

  /**
   * @param override tests and emulation only: every registry is reached at this URL
   * @param os the platform's OS picked from an index ({@code linux} or {@code windows})
   */
  public RegistryClient(Optional<URI> override, String os, Duration timeout) {
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            // Followed by hand: blob redirects go to storage that must not see the token.
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.override = override;
    this.os = os.toLowerCase(Locale.ROOT);
    this.timeout = timeout;
  }

  @Override
  public List<String> of(ImageRef image, List<ImageRegistryCredential> credentials)
      throws ProviderException {
    Session session = new Session(image, login(image, credentials));
    JsonObject manifest = session.json("manifests/" + image.reference(), ACCEPT);
    if (manifest.has("manifests")) {
      manifest = session.json("manifests/" + pick(image, manifest), ACCEPT);
    }
    JsonObject config = manifest.getAsJsonObject("config");
    if (config == null || !config.has("digest")) {
      throw ProviderException.invalid("the manifest of " + image + " names no config");
    }
    JsonObject blob = session.json("blobs/" + config.get("digest").getAsString(), "*/*");
    JsonObject inner = blob.getAsJsonObject("config");
    JsonElement entry = inner == null ? null : inner.get("Entrypoint");
    List<String> out = new ArrayList<>();
    if (entry != null && entry.isJsonArray()) {
      for (JsonElement e : (JsonArray) entry) {
        out.add(e.getAsString());
      }
    }
    return out;
  }

  /** The index entry for this OS on amd64 (ACI runs amd64). */
  private String pick(ImageRef image, JsonObject index) throws ProviderException {
    for (JsonElement e : index.getAsJsonArray("manifests")) {
      JsonObject platform = e.getAsJsonObject().getAsJsonObject("platform");
      if (platform != null
          && os.equals(text(platform, "os"))
          && "amd64".equals(text(platform, "architecture"))) {
        return text(e.getAsJsonObject(), "digest");
      }
    }
    throw ProviderException.invalid(image + " has no " + os + "/amd64 image");
  }

  private static String[] login(ImageRef image, List<ImageRegistryCredential> credentials) {
    if (credentials != null) {
      for (ImageRegistryCredential c : credentials) {
        if (c.username() != null
            && c.password() != null
            && c.server().equalsIgnoreCase(image.host())) {
          return new String[] {c.username(), c.password()};
        }
      }
    }
    return null;
  }

  private static String text(JsonObject o, String name) {
    JsonElement e = o.get(name);
    return e == null || e.isJsonNull() ? null : e.getAsString();
  }

  /** One image's requests, with the authorization the registry asked for once it asked. */
  private final class Session {
    private final ImageRef image;
    private final String[] login;
    private String authorization;

    Session(ImageRef image, String[] login) {
      this.image = image;
      this.login = login;
    }

    JsonObject json(String path, String accept) throws ProviderException {
      URI base = override.orElse(URI.create("https://" + image.apiHost()));
      URI uri = URI.create(base + "/v2/" + image.repository() + "/" + path);
      HttpResponse<String> response = send(uri, accept);
      if (response.statusCode() == 401 && authorization == null) {
        authorization = answer(response);
        response = send(uri, accept);
      }
      Optional<String> location = response.headers().firstValue("Location");
      if (response.statusCode() / 100 == 3 && location.isPresent()) {
        response =
            call(
                HttpRequest.newBuilder(uri.resolve(location.get()))
                    .timeout(timeout)
                    .header("Accept", accept)
                    .GET()
                    .build());
      }
      int code = response.statusCode();
      if (code == 401 || code == 403) {
        throw ProviderException.invalid(
            image.host()
                + " refused "
                + (login == null ? "an anonymous read" : "the imagePullSecret's login")
                + " of "
                + image
                + " (HTTP "
                + code
                + ")");
      }
      if (code == 404) {
        throw ProviderException.invalid(image + " was not found in its registry");
      }
      if (code != 200) {
        throw unavailable(image.host() + " answered HTTP " + code + " for " + image, null);
      }
      try {
        return JsonParser.parseString(response.body()).getAsJsonObject();
      } catch (JsonParseException | IllegalStateException e) {
        throw ProviderException.invalid(image.host() + " sent no JSON for " + path);
      }
    }

    private String answer(HttpResponse<String> challenge) throws ProviderException {
      String header = challenge.headers().firstValue("WWW-Authenticate").orElse("");
      String scheme = header.split(" ", 2)[0].toLowerCase(Locale.ROOT);
      String basic =
          login == null
              ? null
              : Base64.getEncoder()
                  .encodeToString((login[0] + ":" + login[1]).getBytes(StandardCharsets.UTF_8));
      if (scheme.equals("basic")) {
        return basic == null ? null : "Basic " + basic;
      }
      if (!scheme.equals("bearer")) {
        return null;
      }
      StringBuilder realm = new StringBuilder();
      StringBuilder query = new StringBuilder();
      Matcher m = PARAM.matcher(header);
      while (m.find()) {
        if (m.group(1).equals("realm")) {
          realm.append(m.group(2));
        } else {
          query.append(query.length() == 0 ? "?" : "&");
          query.append(m.group(1)).append('=');
          query.append(URLEncoder.encode(m.group(2), StandardCharsets.UTF_8));
        }
      }
      HttpRequest.Builder token =
          HttpRequest.newBuilder(URI.create(realm + query.toString())).timeout(timeout).GET();
      if (basic != null) {
        token.header("Authorization", "Basic " + basic);
      }
      HttpResponse<String> response = call(token.build());
      if (response.statusCode() != 200) {
        return null; // the retry then fails with the registry's own 401
      }
      try {
        JsonObject body = JsonParser.parseString(response.body()).getAsJsonObject();
        String value =
            text(body, "token") != null ? text(body, "token") : text(body, "access_token");
        return value == null ? null : "Bearer " + value;
      } catch (JsonParseException | IllegalStateException e) {
        return null; // the retry then fails with the registry's own 401
      }
    }

    private HttpResponse<String> send(URI uri, String accept) throws ProviderException {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", accept).GET();
      if (authorization != null) {
        request.header("Authorization", authorization);
      }
      return call(request.build());
    }

    private HttpResponse<String> call(HttpRequest request) throws ProviderException {
      try {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw unavailable("registry " + image.host() + " cannot be reached: " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw unavailable("interrupted while reading " + image, e);
      }
    }
  }

  private static ProviderException unavailable(String message, Throwable cause) {
    return new ProviderException(ProviderException.Kind.UNAVAILABLE, message, cause);
  }
}
