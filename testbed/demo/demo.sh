#!/usr/bin/env bash
# The demo: a real control plane, two virtual nodes -- vk-aci (Azure Container Instances) and
# vk-fargate (AWS Fargate through ECS), each against its cloud emulator -- and the sample Deployment
# on each. Leaves everything running; `make down` stops it all (every process has a pid file).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
export STATE="${STATE:-$repo/.testbed}" NAME="${NAME:-vk-testbed}" SUBNET="${SUBNET:-10.250.0}"
kubectl="/usr/lib/google-cloud-sdk/bin/kubectl.1.33"
[ -x "$kubectl" ] || kubectl=kubectl
jar="$repo/provider/node/target/virtual-kubelet.jar"
aci_jar="$repo/testbed/aci-emulator/target/aci-emulator.jar"
ecs_jar="$repo/testbed/ecs-emulator/target/ecs-emulator.jar"
for j in "$jar" "$aci_jar" "$ecs_jar"; do [ -f "$j" ] || { echo "demo: $j is missing (run make build)" >&2; exit 1; }; done

"$repo/testbed/controlplane/up.sh" >/dev/null
export KUBECONFIG="$STATE/kubeconfig"
# One identity per node: the RBAC of manifests/rbac.yaml allows one node name.
aci_config="$(NODE_NAME=vk-aci "$repo/testbed/controlplane/sa-kubeconfig.sh")"
fargate_config="$(NODE_NAME=vk-fargate "$repo/testbed/controlplane/sa-kubeconfig.sh")"
mkdir -p "$STATE/demo" "$STATE/pids" "$STATE/logs"

# background NAME COMMAND...: runs a process detached, output to logs/NAME.log, pid to pids/NAME.pid
background() {
  local name="$1"; shift
  setsid "$@" >"$STATE/logs/$name.log" 2>&1 < /dev/null &
  echo $! > "$STATE/pids/$name.pid"
}
# wait_for_line NAME REGEX: the first line of logs/NAME.log matching REGEX (60 s at most)
wait_for_line() {
  for _ in $(seq 120); do
    line="$(grep -m1 -E "$2" "$STATE/logs/$1.log" 2>/dev/null || true)"
    [ -n "$line" ] && { echo "$line"; return 0; }
    sleep 0.5
  done
  echo "demo: $1 did not start; see $STATE/logs/$1.log" >&2; exit 1
}

# The ACI node runs in VNet mode, as AKS virtual nodes do: every group gets a private IP of the emulated
# subnet, which lives in a network namespace of its own (aci-vnet.sh), so every Running pod has a pod IP
# that answers (a TCP echo on its ports) and kubectl port-forward works. `make down` removes it.
eval "$("$repo/testbed/controlplane/aci-vnet.sh" up)"
echo "demo: starting the ACI and ECS emulators" >&2
background aci-emulator java -Xmx256m -jar "$aci_jar" --port 18443 --state-dir "$STATE/demo/aci" --resource-group vk-demo \
  --vnet-subnet "$VNET_SUBNET" --pod-network-netns "$VNET_NETNS"
background ecs-emulator java -Xmx256m -jar "$ecs_jar" --port 18444 --log-group /ecs/vk-demo
aci_url="$(wait_for_line aci-emulator 'listening on' | sed 's/.*listening on //')"
aci_ca="$(wait_for_line aci-emulator '^CA certificate: ' | sed 's/^CA certificate: //')"
ids="$(wait_for_line aci-emulator '^Subscription: ')"
subscription="$(sed -E 's/^Subscription: ([^ ]+).*/\1/' <<<"$ids")"
tenant="$(sed -E 's/.*Tenant: ([^ ]+).*/\1/' <<<"$ids")"
ecs_url="$(wait_for_line ecs-emulator '^ENDPOINT=' | sed 's/^ENDPOINT=//')"

node_args=(--internal-ip "$SUBNET.2" --client-ca-file "$STATE/pki/kubelet-client-ca.crt" --health-address "$SUBNET.2")
echo "demo: starting virtual nodes vk-aci and vk-fargate (logs in $STATE/logs)" >&2
# (the native library where make build unpacks it, as the image has it where jvm.options points)
background node-vk-aci java "@$repo/image/jvm.options" -Djava.library.path="$repo/provider/node/target/native" -Xmx256m -jar "$jar" "${node_args[@]}" --kubeconfig "$aci_config" --node-name vk-aci --kubelet-port 10250 --health-port 10248 \
  --provider azure --azure-subscription-id "$subscription" --azure-tenant-id "$tenant" \
  --azure-resource-group vk-demo --azure-region westeurope --azure-client-id vk-demo --azure-client-secret demo \
  --azure-arm-endpoint "$aci_url" --azure-aad-endpoint "$aci_url" --azure-ca-file "$aci_ca" \
  --azure-subnet-ids "/subscriptions/$subscription/resourceGroups/vk-demo/providers/Microsoft.Network/virtualNetworks/vk-demo/subnets/aci" \
  --azure-metrics-endpoint "$aci_url"
background node-vk-fargate java "@$repo/image/jvm.options" -Xmx256m -jar "$jar" "${node_args[@]}" --kubeconfig "$fargate_config" --node-name vk-fargate --kubelet-port 10251 --health-port 10249 \
  --provider fargate --fargate-region us-east-1 --fargate-ecs-endpoint "$ecs_url" --fargate-logs-endpoint "$ecs_url" \
  --fargate-access-key-id demo --fargate-secret-access-key demo --fargate-subnets subnet-0demo \
  --fargate-security-groups sg-0demo --fargate-log-group /ecs/vk-demo \
  --fargate-execution-role-arn arn:aws:iam::123456789012:role/ecsTaskExecutionRole

for node in vk-aci vk-fargate; do
  for _ in $(seq 120); do "$kubectl" get "node/$node" >/dev/null 2>&1 && break; sleep 1; done
  "$kubectl" wait --for=condition=Ready "node/$node" --timeout=120s >/dev/null
  # The sample Deployment, once per node.
  sed -e "s/^  name: helloworld$/  name: helloworld-$node/" -e "s/app: helloworld}/app: helloworld-$node}/" \
      -e "s/type: virtual-kubelet/kubernetes.io\/hostname: $node/" \
      "$repo/manifests/examples/deployment.yaml" | "$kubectl" apply -f - >/dev/null
done
for node in vk-aci vk-fargate; do "$kubectl" rollout status "deployment/helloworld-$node" --timeout=300s >&2; done

# metrics-server, so that `kubectl top pod` and `kubectl top node` work in the demo.
echo "demo: starting metrics-server (kubectl top)" >&2
"$repo/testbed/controlplane/metrics-server.sh"

"$kubectl" get nodes,pods -o wide
echo
echo "export KUBECONFIG=$KUBECONFIG"
