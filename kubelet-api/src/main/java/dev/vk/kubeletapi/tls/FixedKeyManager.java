package dev.vk.kubeletapi.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Serves one key and certificate chain, held in memory. The JDK's key managers take the key from a
 * PKCS#12 key store, which encrypts and decrypts it with 10,000 rounds of PBKDF2: with the JIT
 * limited to C1 that was most of the CPU the node spent before going Ready. Thread-safe.
 */
final class FixedKeyManager extends X509ExtendedKeyManager {
  private static final String ALIAS = "serving";
  private final PrivateKey key;
  private final X509Certificate[] chain;

  FixedKeyManager(PrivateKey key, X509Certificate[] chain) {
    this.key = key;
    this.chain = chain.clone();
  }

  @Override
  public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
    return matches(keyType) ? ALIAS : null;
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return matches(keyType) ? ALIAS : null;
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    return matches(keyType) ? new String[] {ALIAS} : null;
  }

  /** The JDK asks per key type ("EC", "RSA", "RSASSA-PSS"); answer only for this key's. */
  private boolean matches(String keyType) {
    String algorithm = key.getAlgorithm();
    return keyType.equals(algorithm) || keyType.equals("RSASSA-PSS") && algorithm.equals("RSA");
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    return ALIAS.equals(alias) ? chain.clone() : null;
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    return ALIAS.equals(alias) ? key : null;
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return null; // a server only
  }

  @Override
  public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
    return null;
  }
}
