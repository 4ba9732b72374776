package dev.vk.provider.aci.mapping;

import com.azure.resourcemanager.containerinstance.models.ImageRegistryCredential;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.vk.kubelet.types.ProviderException;
import io.kubernetes.client.openapi.models.V1LocalObjectReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * imagePullSecrets to ACI registry credentials: {@code .dockerconfigjson} ({@code {"auths":{…}}})
 * and legacy {@code .dockercfg} secrets, with username/password or a base64 {@code auth}.
 */
final class RegistryCredentials {

  private RegistryCredentials() {}

  static List<ImageRegistryCredential> map(List<V1LocalObjectReference> secrets, ObjectData objects)
      throws ProviderException {
    if (secrets == null || secrets.isEmpty()) {
      return null;
    }
    List<ImageRegistryCredential> out = new ArrayList<>();
    for (int i = 0; i < secrets.size(); i++) {
      String field = "spec.imagePullSecrets[" + i + "]";
      Map<String, byte[]> data =
          objects.read(field, true, secrets.get(i).getName(), false).orElseThrow();
      out.addAll(parse(field, data));
    }
    return out;
  }

  static List<ImageRegistryCredential> parse(String field, Map<String, byte[]> data)
      throws ProviderException {
    byte[] json = data.get(".dockerconfigjson");
    boolean legacy = json == null;
    if (legacy) {
      json = data.get(".dockercfg");
    }
    if (json == null) {
      throw Rejection.of(field, "not a kubernetes.io/dockerconfigjson or dockercfg Secret");
    }
    try {
      JsonObject root =
          JsonParser.parseString(new String(json, StandardCharsets.UTF_8)).getAsJsonObject();
      JsonObject auths = legacy ? root : root.getAsJsonObject("auths");
      List<ImageRegistryCredential> out = new ArrayList<>();
      for (Map.Entry<String, JsonElement> e : auths.entrySet()) {
        out.add(credential(field, e.getKey(), e.getValue().getAsJsonObject()));
      }
      return out;
    } catch (JsonParseException | IllegalStateException | NullPointerException e) {
      throw Rejection.of(field, "the docker config is not valid JSON: " + e.getMessage());
    }
  }

  private static ImageRegistryCredential credential(String field, String server, JsonObject entry)
      throws ProviderException {
    String user = text(entry, "username");
    String password = text(entry, "password");
    String auth = text(entry, "auth");
    if ((user == null || password == null) && auth != null) {
      String decoded = new String(Base64.getDecoder().decode(auth), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        throw Rejection.of(field, "the auth of " + server + " is not user:password");
      }
      user = decoded.substring(0, colon);
      password = decoded.substring(colon + 1);
    }
    if (user == null || password == null) {
      throw Rejection.of(field, "no username/password for " + server);
    }
    // ACI wants a host name; docker configs often carry a URL.
    String host = server.replaceFirst("^https?://", "").replaceFirst("/.*$", "");
    return new ImageRegistryCredential().withServer(host).withUsername(user).withPassword(password);
  }

  private static String text(JsonObject o, String name) {
    JsonElement e = o.get(name);
    return e == null || e.isJsonNull() ? null : e.getAsString();
  }
}
