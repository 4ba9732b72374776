#!/usr/bin/env bash
# Starts a real Kubernetes control plane (etcd, kube-apiserver, kube-controller-manager, kube-scheduler)
# inside a network namespace, for virtual-kubelet nodes that run in the root namespace.
#
#   up.sh [--state DIR] [--name NETNS] [--subnet A.B.C]     (or the env vars STATE, NAME, SUBNET)
#
#   STATE   state directory: pki/, nodes/, logs/, pids/, etcd/, kubeconfig   (default <repo>/.testbed)
#   NAME    network namespace (and veth prefix)                              (default vk-testbed)
#   SUBNET  the /24 of the veth: A.B.C.1 = apiserver in the netns,
#           A.B.C.2 = root-namespace end, where nodes listen                 (default 10.250.0)
#   TIMEOUT seconds to wait for the control plane to become ready            (default 120)
#   APISERVER_EXTRA_ARGS, CONTROLLER_MANAGER_EXTRA_ARGS, SCHEDULER_EXTRA_ARGS  extra flags (word-split)
#   VERIFY_KUBELET_TLS=1  make the apiserver verify node serving certs against the testbed CA
#
# Progress goes to stderr; stdout is only "export KUBECONFIG=...", so eval "$(up.sh)" works.
# Any cluster already running with the same STATE/NAME is stopped first (down.sh); etcd starts empty.
# Needs root, Go (to build the binaries once, see build.sh), openssl, iproute2 and curl.
set -euo pipefail
start_time=$(date +%s.%N)
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
TIMEOUT="${TIMEOUT:-120}"

say() { echo "testbed: $*" >&2; }
die() { say "$*"; exit 1; }

# --- prerequisites -------------------------------------------------------------------------------------
[ "$(id -u)" = 0 ] || die "missing: root privileges (network namespaces and veth need root; run with sudo)"
missing=()
command -v openssl >/dev/null || missing+=(openssl)
command -v ip >/dev/null || missing+=(iproute2)
command -v curl >/dev/null || missing+=(curl)
command -v setsid >/dev/null || missing+=(util-linux)
if [ ${#missing[@]} -gt 0 ]; then
  command -v apt-get >/dev/null || die "missing: ${missing[*]} (and no apt-get to install them)"
  say "installing ${missing[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null || die "missing: ${missing[*]} (apt-get update failed)"
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || die "missing: ${missing[*]} (apt-get install failed)"
fi
source "$here/versions.env"
cache="${VK_TESTBED_CACHE:-$HOME/.cache/vk-testbed}"
ETCD="$cache/bin/etcd-v$ETCD_VERSION/etcd"
KBIN="$cache/bin/kubernetes-v$K8S_VERSION"
if ! command -v go >/dev/null; then
  for b in "$ETCD" "$KBIN/kube-apiserver" "$KBIN/kube-controller-manager" "$KBIN/kube-scheduler"; do
    [ -x "$b" ] || die "missing: go (Go 1.24 or newer is needed once to build etcd and Kubernetes v$K8S_VERSION; see https://go.dev/dl)"
  done
fi
probe="vkprobe$$"
if ! err="$(ip netns add "$probe" 2>&1)"; then
  die "missing: permission to create network namespaces (ip netns add: ${err//$'\n'/ })"
fi
ip netns del "$probe" 2>/dev/null || true

# --- binaries (cached; a warm run builds nothing) ---------------------------------------------------------
"$here/build.sh" >&2

# --- stop whatever ran here before -------------------------------------------------------------------------
# Another testbed (other NAME) on the same subnet would make the routes ambiguous.
other="$(ip -o -4 addr show | awk -v ip="$NODE_IP" -v own="$VETH_HOST" 'index($4, ip "/") == 1 && $2 != own { print $2 }')"
[ -z "$other" ] || die "subnet $SUBNET is in use: $NODE_IP is on interface $other (another testbed? use another SUBNET or stop that one)"
STATE="$STATE" NAME="$NAME" "$here/down.sh" --quiet

# --- network: netns $NAME with lo and $API_IP, veth to $NODE_IP in the root namespace ---------------------
ip netns add "$NAME"
ip -n "$NAME" link set lo up
ip link add "$VETH_HOST" type veth peer name "$VETH_NS"
ip link set "$VETH_NS" netns "$NAME"
ip -n "$NAME" addr add "$API_IP/24" dev "$VETH_NS"
ip -n "$NAME" link set "$VETH_NS" up
ip addr add "$NODE_IP/24" dev "$VETH_HOST"
ip link set "$VETH_HOST" up

# --- certificates (kept across restarts while the subnet is the same) --------------------------------------
source "$here/pki.sh"
mkdir -p "$STATE/nodes" "$STATE/logs" "$STATE/pids" "$STATE/kubeconfigs"
if [ ! -f "$PKI/ca.crt" ] || [ "$(cat "$PKI/subnet" 2>/dev/null)" != "$SUBNET" ] || [ ! -f "$PKI/sa.pub" ]; then
  say "creating certificates in $PKI"
  rm -rf "$PKI" "$STATE/nodes"/*
  mkdir -p "$PKI"
  new_ca
  cp "$PKI/ca.crt" "$PKI/kubelet-client-ca.crt"   # the CA a node trusts for client certificates (the same CA)
  issue "$PKI/apiserver" "/CN=kube-apiserver" serverAuth \
    "DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local,IP:127.0.0.1,IP:$API_IP,IP:10.0.0.1"
  issue "$PKI/admin" "/O=system:masters/CN=admin" clientAuth
  issue "$PKI/kube-controller-manager" "/CN=system:kube-controller-manager" clientAuth
  issue "$PKI/kube-scheduler" "/CN=system:kube-scheduler" clientAuth
  issue "$PKI/apiserver-kubelet-client" "/O=system:masters/CN=kube-apiserver-kubelet-client" clientAuth
  new_key "$PKI/sa.key"
  openssl rsa -in "$PKI/sa.key" -pubout -out "$PKI/sa.pub" 2>/dev/null
  (umask 077 && echo "$(openssl rand -hex 24),admin,admin,system:masters" >"$PKI/tokens.csv")
  echo "$SUBNET" >"$PKI/subnet"
fi
# The aggregation layer's pair, also added to a state made before it existed.
[ -f "$PKI/front-proxy-client.crt" ] || new_front_proxy_ca
echo "$SUBNET" >"$STATE/subnet"
echo "$NAME" >"$STATE/netns"
write_kubeconfig "$STATE/kubeconfig" "https://$API_IP:6443" "$PKI/admin.crt" "$PKI/admin.key" admin
write_kubeconfig "$STATE/kubeconfigs/kube-controller-manager.kubeconfig" "https://127.0.0.1:6443" \
  "$PKI/kube-controller-manager.crt" "$PKI/kube-controller-manager.key" system:kube-controller-manager
write_kubeconfig "$STATE/kubeconfigs/kube-scheduler.kubeconfig" "https://127.0.0.1:6443" \
  "$PKI/kube-scheduler.crt" "$PKI/kube-scheduler.key" system:kube-scheduler

# --- processes ------------------------------------------------------------------------------------------
components=()
# start NAME CMD...: runs CMD in the netns in its own session, without proxy variables (the apiserver's
# kubelet transport would honour HTTPS_PROXY); log in logs/NAME.log, pid in pids/NAME.pid.
start() {
  local c="$1"; shift
  setsid env -u HTTPS_PROXY -u https_proxy -u HTTP_PROXY -u http_proxy -u ALL_PROXY -u all_proxy -u NO_PROXY -u no_proxy \
    ip netns exec "$NAME" "$@" </dev/null >"$STATE/logs/$c.log" 2>&1 &
  echo $! >"$STATE/pids/$c.pid"
  disown $!   # no "Killed" job notices from bash if fail() stops it
  components+=("$c")
}

# fail MESSAGE [COMPONENT]: prints MESSAGE and the tail of the component's log, stops everything (logs stay).
fail() {
  echo "testbed: $1" >&2
  if [ -n "${2:-}" ]; then
    echo "testbed: last lines of $STATE/logs/$2.log:" >&2
    tail -n 25 "$STATE/logs/$2.log" | sed 's/^/  | /' >&2
  fi
  local checks
  if [ "${2:-}" = kube-apiserver ] && checks="$(curl --noproxy '*' -s --max-time 5 --cacert "$PKI/ca.crt" \
      --cert "$PKI/admin.crt" --key "$PKI/admin.key" "https://$API_IP:6443/readyz?verbose" | grep '^\[-\]')"; then
    echo "testbed: failing readiness checks:" >&2
    echo "$checks" | sed 's/^/  | /' >&2
  fi
  STATE="$STATE" NAME="$NAME" "$here/down.sh" --quiet || true
  exit 1
}

# wait_for WHAT COMPONENT CHECK...: polls CHECK until it succeeds, a component dies or the deadline passes.
deadline=$(( $(date +%s) + TIMEOUT ))
wait_for() {
  local what="$1" comp="$2"; shift 2
  until "$@" >/dev/null 2>&1; do
    for c in "${components[@]}"; do
      kill -0 "$(cat "$STATE/pids/$c.pid")" 2>/dev/null || fail "$c exited while waiting for $what" "$c"
    done
    [ "$(date +%s)" -lt "$deadline" ] || fail "timed out after ${TIMEOUT}s waiting for $what" "$comp"
    sleep 0.3
  done
}
admin_curl() {
  curl --noproxy '*' -sf --max-time 5 --cacert "$PKI/ca.crt" --cert "$PKI/admin.crt" --key "$PKI/admin.key" "https://$API_IP:6443$1"
}
readyz_ok() { [ "$(admin_curl /readyz)" = ok ]; }

rm -rf "$STATE/etcd"
start etcd "$ETCD" --name n0 --data-dir "$STATE/etcd" --unsafe-no-fsync \
  --listen-client-urls http://127.0.0.1:2379 --advertise-client-urls http://127.0.0.1:2379 \
  --listen-peer-urls http://127.0.0.1:2380 --initial-advertise-peer-urls http://127.0.0.1:2380 \
  --initial-cluster n0=http://127.0.0.1:2380 --auto-compaction-retention=1 --quota-backend-bytes=2147483648 \
  --listen-metrics-urls=http://127.0.0.1:2381
# The apiserver retries until etcd answers, so both start at once.

kubelet_ca=()
[ "${VERIFY_KUBELET_TLS:-0}" = 1 ] && kubelet_ca=(--kubelet-certificate-authority="$PKI/ca.crt")
# The aggregation layer (metrics-server.sh registers metrics.k8s.io) proxies with the front-proxy-client
# pair; without kube-proxy no ClusterIP routes, so the apiserver dials the service's endpoint itself.
# shellcheck disable=SC2086
start kube-apiserver "$KBIN/kube-apiserver" \
  --etcd-servers=http://127.0.0.1:2379 \
  --bind-address=0.0.0.0 --secure-port=6443 --advertise-address="$API_IP" \
  --tls-cert-file="$PKI/apiserver.crt" --tls-private-key-file="$PKI/apiserver.key" \
  --client-ca-file="$PKI/ca.crt" --token-auth-file="$PKI/tokens.csv" \
  --service-cluster-ip-range=10.0.0.0/24 \
  --service-account-issuer=https://kubernetes.default.svc.cluster.local \
  --service-account-key-file="$PKI/sa.pub" --service-account-signing-key-file="$PKI/sa.key" \
  --authorization-mode=Node,RBAC --enable-admission-plugins=NodeRestriction --allow-privileged=true \
  --kubelet-client-certificate="$PKI/apiserver-kubelet-client.crt" --kubelet-client-key="$PKI/apiserver-kubelet-client.key" \
  --kubelet-preferred-address-types=InternalIP "${kubelet_ca[@]}" \
  --requestheader-client-ca-file="$PKI/front-proxy-ca.crt" --requestheader-allowed-names=front-proxy-client \
  --requestheader-username-headers=X-Remote-User --requestheader-group-headers=X-Remote-Group \
  --requestheader-extra-headers-prefix=X-Remote-Extra- \
  --proxy-client-cert-file="$PKI/front-proxy-client.crt" --proxy-client-key-file="$PKI/front-proxy-client.key" \
  --enable-aggregator-routing=true \
  ${APISERVER_EXTRA_ARGS:-}
wait_for "etcd" etcd ip netns exec "$NAME" curl --noproxy '*' -sf --max-time 2 http://127.0.0.1:2379/health
# The controller-manager and scheduler exit if RBAC is not bootstrapped yet, so they wait for /readyz.
wait_for "kube-apiserver /readyz" kube-apiserver readyz_ok

# shellcheck disable=SC2086
start kube-controller-manager "$KBIN/kube-controller-manager" \
  --kubeconfig="$STATE/kubeconfigs/kube-controller-manager.kubeconfig" \
  --authentication-kubeconfig="$STATE/kubeconfigs/kube-controller-manager.kubeconfig" \
  --authorization-kubeconfig="$STATE/kubeconfigs/kube-controller-manager.kubeconfig" \
  --bind-address=127.0.0.1 --leader-elect=false --use-service-account-credentials \
  --service-account-private-key-file="$PKI/sa.key" --root-ca-file="$PKI/ca.crt" \
  --cluster-signing-cert-file="$PKI/ca.crt" --cluster-signing-key-file="$PKI/ca.key" \
  --service-cluster-ip-range=10.0.0.0/24 \
  --node-monitor-grace-period=20s --node-monitor-period=2s \
  ${CONTROLLER_MANAGER_EXTRA_ARGS:-}
# shellcheck disable=SC2086
start kube-scheduler "$KBIN/kube-scheduler" \
  --kubeconfig="$STATE/kubeconfigs/kube-scheduler.kubeconfig" \
  --authentication-kubeconfig="$STATE/kubeconfigs/kube-scheduler.kubeconfig" \
  --authorization-kubeconfig="$STATE/kubeconfigs/kube-scheduler.kubeconfig" \
  --bind-address=127.0.0.1 --leader-elect=false \
  ${SCHEDULER_EXTRA_ARGS:-}
wait_for "the default ServiceAccount (kube-controller-manager)" kube-controller-manager \
  admin_curl /api/v1/namespaces/default/serviceaccounts/default
wait_for "kube-scheduler /healthz" kube-scheduler \
  ip netns exec "$NAME" curl --noproxy '*' -skf --max-time 2 https://127.0.0.1:10259/healthz

elapsed=$(awk -v a="$start_time" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
say "Kubernetes v$K8S_VERSION control plane up in ${elapsed}s: apiserver https://$API_IP:6443 (netns $NAME), nodes use $NODE_IP, logs in $STATE/logs"
echo "export KUBECONFIG=$STATE/kubeconfig"
