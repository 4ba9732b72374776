#!/usr/bin/env bash
# Applies manifests/rbac.yaml and writes $STATE/kubeconfigs/virtual-kubelet-sa.kubeconfig holding a
# token of the virtual-kubelet ServiceAccount: the identity the Helm chart gives the node.
# Prints the kubeconfig's path.   STATE defaults to <repo>/.testbed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
kubectl_bin="${KUBECTL:-/usr/lib/google-cloud-sdk/bin/kubectl.1.33}"
[ -x "$kubectl_bin" ] || kubectl_bin=kubectl
admin="$STATE/kubeconfig"
[ -f "$admin" ] || { echo "testbed: no control plane in $STATE (run up.sh first)" >&2; exit 1; }
out="$STATE/kubeconfigs/virtual-kubelet-sa.kubeconfig"
"$kubectl_bin" --kubeconfig "$admin" apply -f "$repo/manifests/rbac.yaml" >/dev/null
token="$("$kubectl_bin" --kubeconfig "$admin" create token virtual-kubelet -n virtual-kubelet --duration=24h)"
server="$("$kubectl_bin" --kubeconfig "$admin" config view -o jsonpath='{.clusters[0].cluster.server}')"
mkdir -p "$(dirname "$out")"
cat > "$out" <<YAML
apiVersion: v1
kind: Config
clusters:
- name: testbed
  cluster:
    server: $server
    certificate-authority: $STATE/pki/ca.crt
users:
- name: virtual-kubelet
  user:
    token: $token
contexts:
- name: virtual-kubelet
  context: {cluster: testbed, user: virtual-kubelet}
current-context: virtual-kubelet
YAML
echo "$out"
