package dev.vk.kubeletapi.auth;

import dev.vk.kubeletapi.spi.UserInfo;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.security.auth.x500.X500Principal;

/**
 * Reads the user from a TLS client certificate, as Kubernetes does: the subject CN is the user
 * name, each O is a group. The TLS layer has already verified the chain against the client CA, so a
 * certificate only reaches here when it is trusted.
 */
public final class ClientCertificates {
  private ClientCertificates() {}

  public static Optional<UserInfo> user(SSLSession session) {
    if (session == null) {
      return Optional.empty();
    }
    Certificate[] chain;
    try {
      chain = session.getPeerCertificates();
    } catch (SSLPeerUnverifiedException e) {
      return Optional.empty();
    }
    if (chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
      return Optional.empty();
    }
    return user(leaf.getSubjectX500Principal());
  }

  static Optional<UserInfo> user(X500Principal subject) {
    String name = null;
    List<String> groups = new ArrayList<>();
    try {
      // LdapName lists RDNs right to left; groups keep the order written in the subject.
      List<Rdn> rdns =
          new ArrayList<>(new LdapName(subject.getName(X500Principal.RFC2253)).getRdns());
      Collections.reverse(rdns);
      for (Rdn rdn : rdns) {
        if (rdn.getType().equalsIgnoreCase("CN") && name == null) {
          name = String.valueOf(rdn.getValue());
        } else if (rdn.getType().equalsIgnoreCase("O")) {
          groups.add(String.valueOf(rdn.getValue()));
        }
      }
    } catch (InvalidNameException e) {
      return Optional.empty();
    }
    // Kubernetes rejects certificates without a CN rather than inventing a user.
    return name == null || name.isEmpty()
        ? Optional.empty()
        : Optional.of(UserInfo.of(name, groups));
  }
}
