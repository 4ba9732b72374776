#!/usr/bin/env bash
# Issues the credentials of one virtual-kubelet node, signed by the testbed CA of a cluster made by up.sh.
#
#   node-credentials.sh [--state DIR] [--subnet A.B.C] NODE_NAME     (or the env vars STATE, SUBNET)
#
# Writes, in STATE/nodes/:
#   NODE_NAME.kubeconfig             client identity /O=system:nodes/CN=system:node:NODE_NAME (Node authorizer
#                                    and NodeRestriction apply), server https://A.B.C.1:6443, certs embedded
#   NODE_NAME.crt / NODE_NAME.key    the same client pair as files
#   NODE_NAME-serving.crt / .key     the kubelet serving certificate, SAN IP A.B.C.2 and DNS NODE_NAME
# and prints their paths as KEY=VALUE lines (kubeconfig, clientCert, clientKey, servingCert, servingKey, caCert,
# clientCaCert). The CA that the node should trust for client certificates (the apiserver's kubelet client)
# is STATE/pki/kubelet-client-ca.crt. SUBNET defaults to the one the cluster in STATE was started with.
set -euo pipefail
SUBNET_FROM_STATE=1
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
source "$here/pki.sh"

[ ${#ARGS[@]} -eq 1 ] || { echo "usage: $0 [--state DIR] NODE_NAME" >&2; exit 2; }
node="${ARGS[0]}"
# A node name is a DNS subdomain (RFC 1123).
[[ "$node" =~ ^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$ ]] || { echo "testbed: invalid node name '$node'" >&2; exit 2; }
[ -f "$PKI/ca.key" ] || { echo "testbed: no CA in $PKI; run up.sh with the same STATE first" >&2; exit 1; }

mkdir -p "$STATE/nodes"
out="$STATE/nodes/$node"
issue "$out" "/O=system:nodes/CN=system:node:$node" clientAuth
issue "$out-serving" "/O=system:nodes/CN=system:node:$node" serverAuth "IP:$NODE_IP,DNS:$node"
write_kubeconfig "$out.kubeconfig" "https://$API_IP:6443" "$out.crt" "$out.key" "system:node:$node"

echo "kubeconfig=$out.kubeconfig"
echo "clientCert=$out.crt"
echo "clientKey=$out.key"
echo "servingCert=$out-serving.crt"
echo "servingKey=$out-serving.key"
echo "caCert=$PKI/ca.crt"
echo "clientCaCert=$PKI/kubelet-client-ca.crt"
