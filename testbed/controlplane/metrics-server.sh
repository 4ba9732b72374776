#!/usr/bin/env bash
# Starts metrics-server for a cluster made by up.sh, so that `kubectl top pod|node` works.
#
#   metrics-server.sh [--state DIR] [--name NETNS] [--subnet A.B.C]     (or the env vars STATE, NAME, SUBNET)
#
#   VERIFY_KUBELET_TLS=1  verify node serving certs against the testbed CA (as up.sh does for the apiserver);
#                         by default they are not verified, since test nodes serve self-signed certificates
#
# It runs in the cluster's network namespace at A.B.C.1:4443 with the upstream RBAC (its own ServiceAccount
# kube-system/metrics-server, whose token is its kubeconfig), a serving certificate of the testbed CA, and
# registers the APIService v1beta1.metrics.k8s.io behind a Service whose EndpointSlice names that address
# (the apiserver routes to endpoints itself: --enable-aggregator-routing). It scrapes each node's
# /metrics/resource at its InternalIP and the port of node.status.daemonEndpoints every 10 s.
# Idempotent: does nothing while it runs. down.sh stops it with the namespace; log in STATE/logs.
# Returns once the apiserver serves metrics.k8s.io through it (TIMEOUT seconds, default 60).
set -euo pipefail
SUBNET_FROM_STATE=1
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
source "$here/pki.sh"
source "$here/versions.env"
TIMEOUT="${TIMEOUT:-60}"
say() { echo "testbed: $*" >&2; }
die() { say "$*"; exit 1; }

kubectl_bin="${KUBECTL:-/usr/lib/google-cloud-sdk/bin/kubectl.1.33}"
[ -x "$kubectl_bin" ] || kubectl_bin=kubectl
admin="$STATE/kubeconfig"
[ -f "$admin" ] && [ -f "$PKI/front-proxy-client.crt" ] || die "no control plane in $STATE (run up.sh first)"
kc() { "$kubectl_bin" --kubeconfig "$admin" "$@"; }
cache="${VK_TESTBED_CACHE:-$HOME/.cache/vk-testbed}"
bin="$cache/bin/metrics-server-v$METRICS_SERVER_VERSION"
"$here/build.sh" >&2   # a no-op when warm
pidfile="$STATE/pids/metrics-server.pid"
log="$STATE/logs/metrics-server.log"
port=4443

served() { kc get --raw /apis/metrics.k8s.io/v1beta1 >/dev/null 2>&1; }
running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }
# wait_served: until the apiserver serves metrics.k8s.io through it, it exits, or TIMEOUT passes.
wait_served() {
  local deadline=$(( $(date +%s) + TIMEOUT ))
  until served; do
    if ! running; then
      say "metrics-server exited; last lines of $log:"; tail -n 25 "$log" | sed 's/^/  | /' >&2; exit 1
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
      say "metrics.k8s.io not served after ${TIMEOUT}s; APIService status:"
      kc get apiservice v1beta1.metrics.k8s.io -o jsonpath='{.status.conditions}' >&2 || true
      echo >&2; tail -n 25 "$log" | sed 's/^/  | /' >&2; exit 1
    fi
    sleep 0.5
  done
}
if running; then
  wait_served
  exit 0
fi

# --- identity: the upstream RBAC of this release, a token of its ServiceAccount ---------------------------
kc apply -f "$bin/rbac.yaml" >/dev/null
token="$(kc create token metrics-server -n kube-system --duration=8760h)"
kubeconfig="$STATE/kubeconfigs/metrics-server.kubeconfig"
(umask 077 && cat >"$kubeconfig" <<YAML
apiVersion: v1
kind: Config
clusters:
- name: testbed
  cluster: {server: "https://$API_IP:6443", certificate-authority: "$PKI/ca.crt"}
users:
- name: metrics-server
  user: {token: "$token"}
contexts:
- name: metrics-server
  context: {cluster: testbed, user: metrics-server}
current-context: metrics-server
YAML
)

# --- serving certificate: the name the aggregator verifies is <service>.<namespace>.svc ------------------
issue "$PKI/metrics-server" "/CN=metrics-server" serverAuth \
  "DNS:metrics-server.kube-system.svc,DNS:metrics-server.kube-system.svc.cluster.local,IP:$API_IP"

# --- registration --------------------------------------------------------------------------------------
kc apply -f - >/dev/null <<YAML
apiVersion: v1
kind: Service
metadata: {name: metrics-server, namespace: kube-system, labels: {k8s-app: metrics-server}}
spec:
  ports: [{name: https, port: 443, protocol: TCP, targetPort: $port}]
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: metrics-server-testbed
  namespace: kube-system
  labels: {kubernetes.io/service-name: metrics-server, endpointslice.kubernetes.io/managed-by: vk-testbed}
addressType: IPv4
ports: [{name: https, port: $port, protocol: TCP}]
endpoints: [{addresses: ["$API_IP"], conditions: {ready: true}}]
---
apiVersion: apiregistration.k8s.io/v1
kind: APIService
metadata: {name: v1beta1.metrics.k8s.io, labels: {k8s-app: metrics-server}}
spec:
  service: {name: metrics-server, namespace: kube-system, port: 443}
  group: metrics.k8s.io
  version: v1beta1
  caBundle: $(base64 -w0 <"$PKI/ca.crt")
  groupPriorityMinimum: 100
  versionPriority: 100
YAML

# --- process ---------------------------------------------------------------------------------------------
kubelet_tls=(--kubelet-insecure-tls)
[ "${VERIFY_KUBELET_TLS:-0}" = 1 ] && kubelet_tls=(--kubelet-certificate-authority="$PKI/ca.crt")
# The kubelet request timeout must stay under 90% of the resolution; 10 s is the least it accepts.
setsid env -u HTTPS_PROXY -u https_proxy -u HTTP_PROXY -u http_proxy -u ALL_PROXY -u all_proxy -u NO_PROXY -u no_proxy \
  ip netns exec "$NAME" "$bin/metrics-server" \
  --bind-address="$API_IP" --secure-port=$port \
  --tls-cert-file="$PKI/metrics-server.crt" --tls-private-key-file="$PKI/metrics-server.key" \
  --kubeconfig="$kubeconfig" --authentication-kubeconfig="$kubeconfig" --authorization-kubeconfig="$kubeconfig" \
  --kubelet-preferred-address-types=InternalIP --kubelet-use-node-status-port "${kubelet_tls[@]}" \
  --metric-resolution=10s --kubelet-request-timeout=5s --v=2 \
  </dev/null >"$log" 2>&1 &
echo $! >"$pidfile"
disown $!

wait_served
say "metrics-server v$METRICS_SERVER_VERSION serves metrics.k8s.io at https://$API_IP:$port (log $log)"
