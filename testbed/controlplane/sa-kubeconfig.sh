#!/usr/bin/env bash
# Applies manifests/rbac.yaml and writes $STATE/kubeconfigs/virtual-kubelet-sa.kubeconfig holding a
# token of the virtual-kubelet ServiceAccount: the identity the Helm chart gives the node.
# Prints the kubeconfig's path.   STATE defaults to <repo>/.testbed.
# The RBAC allows one node name (resourceNames): with NODE_NAME=<name>, the manifest is applied with
# every "virtual-kubelet" name replaced by <name> (its own namespace, ServiceAccount, roles and
# resourceNames, as a chart release per node would be) and the kubeconfig is
# $STATE/kubeconfigs/virtual-kubelet-sa-<name>.kubeconfig.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
kubectl_bin="${KUBECTL:-/usr/lib/google-cloud-sdk/bin/kubectl.1.33}"
[ -x "$kubectl_bin" ] || kubectl_bin=kubectl
admin="$STATE/kubeconfig"
[ -f "$admin" ] || { echo "testbed: no control plane in $STATE (run up.sh first)" >&2; exit 1; }
node="${NODE_NAME:-virtual-kubelet}"
[[ "$node" =~ ^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$ ]] || { echo "testbed: NODE_NAME '$node' is not a DNS label" >&2; exit 2; }
if [ "$node" = virtual-kubelet ]; then
  out="$STATE/kubeconfigs/virtual-kubelet-sa.kubeconfig"
else
  out="$STATE/kubeconfigs/virtual-kubelet-sa-$node.kubeconfig"
fi
# Whole YAML values only: names, namespaces and resourceNames, never comments or other words.
sed -E -e "s/^( *(- )?(name|namespace): )virtual-kubelet\$/\1$node/" \
  -e "s/resourceNames: \[\"virtual-kubelet\"\]/resourceNames: [\"$node\"]/" \
  -e "s/resourceNames: \[\"virtual-kubelet-leader\"\]/resourceNames: [\"$node-leader\"]/" \
  "$repo/manifests/rbac.yaml" |
  "$kubectl_bin" --kubeconfig "$admin" apply -f - >/dev/null
token="$("$kubectl_bin" --kubeconfig "$admin" create token "$node" -n "$node" --duration=24h)"
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
