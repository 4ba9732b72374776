package dev.vk.emulator.aci.sdk;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.resourcemanager.containerinstance.ContainerInstanceManager;
import dev.vk.emulator.aci.AciEmulator;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * The configuration a provider needs to point the unmodified Azure SDK at the emulator: an OkHttp
 * client trusting the emulator's CA, a ClientSecretCredential whose authority is the emulator, and
 * an AzureEnvironment whose Resource Manager endpoint is the emulator.
 */
final class SdkClients {

  private SdkClients() {}

  static HttpClient httpClient(AciEmulator emulator) throws GeneralSecurityException {
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(emulator.trustStore());
    X509TrustManager trust = (X509TrustManager) tmf.getTrustManagers()[0];
    OkHttpClient okHttp =
        new OkHttpClient.Builder()
            .sslSocketFactory(emulator.clientSslContext().getSocketFactory(), trust)
            .build();
    return new OkHttpAsyncHttpClientBuilder(okHttp).build();
  }

  static TokenCredential credential(AciEmulator emulator, HttpClient http) {
    return new ClientSecretCredentialBuilder()
        .tenantId(emulator.tenantId())
        .clientId("vk-provider")
        .clientSecret("not-a-secret")
        .authorityHost(emulator.baseUrl())
        // MSAL would otherwise ask login.microsoftonline.com to validate the unknown authority.
        .disableInstanceDiscovery()
        .httpClient(http)
        .build();
  }

  static ContainerInstanceManager manager(AciEmulator emulator) throws GeneralSecurityException {
    HttpClient http = httpClient(emulator);
    Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
    endpoints.put("resourceManagerEndpointUrl", emulator.baseUrl() + "/");
    endpoints.put("activeDirectoryEndpointUrl", emulator.baseUrl() + "/");
    AzureProfile profile =
        new AzureProfile(
            emulator.tenantId(), emulator.subscriptionId(), new AzureEnvironment(endpoints));
    return ContainerInstanceManager.configure()
        .withHttpClient(http)
        .authenticate(credential(emulator, http), profile);
  }
}
