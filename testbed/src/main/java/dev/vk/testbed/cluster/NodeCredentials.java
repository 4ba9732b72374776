package dev.vk.testbed.cluster;

import java.nio.file.Path;

/**
 * The credentials of one virtual-kubelet node, issued by {@code node-credentials.sh} and signed by
 * the testbed CA.
 *
 * @param nodeName the node name; the client identity is {@code system:node:<nodeName>} in group
 *     {@code system:nodes}, so the Node authorizer and the NodeRestriction admission plugin apply
 * @param kubeconfig kubeconfig for that identity (certificates embedded), server {@link
 *     ControlPlane#apiServerUrl()}
 * @param clientCert PEM client certificate of that identity
 * @param clientKey PEM (PKCS#8) key of {@code clientCert}
 * @param servingCert PEM kubelet serving certificate, SAN IP {@link ControlPlane#nodeAddress()} and
 *     DNS {@code nodeName}
 * @param servingKey PEM (PKCS#8) key of {@code servingCert}
 * @param caCert the testbed CA (signs the apiserver serving certificate)
 * @param clientCaCert the CA the node must trust for client certificates, such as the apiserver's
 *     kubelet client ({@code CN=kube-apiserver-kubelet-client, O=system:masters}); the same CA
 */
public record NodeCredentials(
    String nodeName,
    Path kubeconfig,
    Path clientCert,
    Path clientKey,
    Path servingCert,
    Path servingKey,
    Path caCert,
    Path clientCaCert) {}
