#!/usr/bin/env bash
# The demo: a real control plane, one virtual node (mock provider, state in $STATE/demo), and the
# sample Deployment on it. Leaves everything running; `make down` stops it all.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
export STATE="${STATE:-$repo/.testbed}" NAME="${NAME:-vk-testbed}" SUBNET="${SUBNET:-10.250.0}"
kubectl="/usr/lib/google-cloud-sdk/bin/kubectl.1.33"
[ -x "$kubectl" ] || kubectl=kubectl
node="${NODE_NAME:-vk-mock}"
jar="$repo/provider/node/target/virtual-kubelet.jar"
[ -f "$jar" ] || { echo "demo: $jar is missing (run make build)" >&2; exit 1; }

"$repo/testbed/controlplane/up.sh" >/dev/null
export KUBECONFIG="$STATE/kubeconfig"
sa_config="$("$repo/testbed/controlplane/sa-kubeconfig.sh")"

mkdir -p "$STATE/demo" "$STATE/pids" "$STATE/logs"
echo "demo: starting virtual node $node (log: $STATE/logs/node-$node.log)" >&2
setsid java -Xmx256m -jar "$jar" \
  --kubeconfig "$sa_config" --node-name "$node" --provider mock \
  --internal-ip "$SUBNET.2" --kubelet-port 10250 \
  --mock-state-file "$STATE/demo/$node-state.json" \
  >"$STATE/logs/node-$node.log" 2>&1 < /dev/null &
echo $! > "$STATE/pids/node-$node.pid"

for _ in $(seq 120); do "$kubectl" get "node/$node" >/dev/null 2>&1 && break; sleep 1; done
"$kubectl" wait --for=condition=Ready "node/$node" --timeout=120s >/dev/null
"$kubectl" apply -f "$repo/manifests/examples/deployment.yaml" >/dev/null
"$kubectl" rollout status deployment/helloworld --timeout=180s >&2
"$kubectl" get nodes,pods -o wide
echo
echo "export KUBECONFIG=$KUBECONFIG"
