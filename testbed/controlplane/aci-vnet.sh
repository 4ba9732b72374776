#!/usr/bin/env bash
# The emulated ACI VNet: a network namespace where the VNet subnet's addresses are local, reached from the
# root namespace through a veth. The ACI emulator's pod network (one helper process, started by the emulator
# with --pod-network-netns) runs inside it and answers on the private IPs the emulator gives container groups,
# so a node in the root namespace can dial pod IPs, as nodes in an AKS VNet do.
#
#   aci-vnet.sh up|down [--name NAME] [--subnet A.B.C]     (or the env vars NAME, SUBNET of the control plane)
#
# For the control plane's SUBNET A.B.C (C below 127):
#   VNet subnet   A.B.(C+128).0/24, the pod IPs (Azure reserves .0 to .3 and .255; the emulator skips them)
#   transit       A.B.(C+129).1/30 in the root namespace, .2 in the netns: the route's next hop only
#   netns         $NAME-acivnet, veth ${NAME:0:10}-av (root end) and ${NAME:0:10}-an (netns end)
# up prints "VNET_SUBNET=<cidr> VNET_NETNS=<netns>" on stdout (eval-able); it replaces a VNet left behind.
# down stops the processes inside the netns (the pod network helper) and deletes the veth and the netns.
# Needs root and iproute2. Traffic goes only to this netns: nothing outside the machine is routed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
action="${ARGS[0]:-}"
IFS=. read -r a b c <<<"$SUBNET"
[ "$c" -lt 127 ] || { echo "testbed: aci-vnet: SUBNET's third octet must be below 127, got $SUBNET" >&2; exit 2; }
VNET="$a.$b.$((c + 128)).0/24"
TRANSIT="$a.$b.$((c + 129))"
NETNS="$NAME-acivnet"
VH="${NAME:0:10}-av"
VN="${NAME:0:10}-an"

down() {
  local pids
  pids="$({ ip netns pids "$NETNS" 2>/dev/null || true; } | tr '\n' ' ')"
  # shellcheck disable=SC2086
  [ -z "${pids// /}" ] || kill -TERM $pids 2>/dev/null || true
  ip link del "$VH" 2>/dev/null || true
  if ip netns list 2>/dev/null | awk -v n="$NETNS" '$1 == n { f = 1 } END { exit !f }'; then
    ip netns del "$NETNS"
  fi
}

case "$action" in
  up)
    [ "$(id -u)" = 0 ] || { echo "testbed: aci-vnet: needs root (network namespaces)" >&2; exit 1; }
    down
    ip netns add "$NETNS"
    ip -n "$NETNS" link set lo up
    ip link add "$VH" type veth peer name "$VN"
    ip link set "$VN" netns "$NETNS"
    ip -n "$NETNS" addr add "$TRANSIT.2/30" dev "$VN"
    ip -n "$NETNS" link set "$VN" up
    # Every address of the subnet is local in the netns (no address per group needed to bind to it).
    ip -n "$NETNS" route add local "$VNET" dev lo
    ip addr add "$TRANSIT.1/30" dev "$VH"
    ip link set "$VH" up
    ip route add "$VNET" via "$TRANSIT.2" dev "$VH"
    echo "testbed: ACI VNet $VNET in netns $NETNS" >&2
    echo "VNET_SUBNET=$VNET VNET_NETNS=$NETNS"
    ;;
  down) down ;;
  *) echo "usage: aci-vnet.sh up|down [--name NAME] [--subnet A.B.C]" >&2; exit 2 ;;
esac
