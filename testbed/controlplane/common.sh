# Shared settings of up.sh, down.sh and node-credentials.sh (sourced, not run).
#   STATE   state directory (pki, logs, pids, etcd data, kubeconfigs); default <repo>/.testbed
#   NAME    network namespace name; default vk-testbed
#   SUBNET  first three octets of the /24 between the namespace (.1) and the host (.2); default 10.250.0
# Each can also be given as --state DIR, --name NAME, --subnet A.B.C.
ARGS=()
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

while [ $# -gt 0 ]; do
  case "$1" in
    --state) STATE="$2"; shift 2 ;;
    --state=*) STATE="${1#*=}"; shift ;;
    --name) NAME="$2"; shift 2 ;;
    --name=*) NAME="${1#*=}"; shift ;;
    --subnet) SUBNET="$2"; shift 2 ;;
    --subnet=*) SUBNET="${1#*=}"; shift ;;
    -h|--help) sed -n '2,20p' "$0" | sed -n '/^#/s/^# \{0,1\}//p'; exit 0 ;;
    *) ARGS+=("$1"); shift ;;
  esac
done

STATE="${STATE:-$repo/.testbed}"
mkdir -p "$STATE"
STATE="$(cd "$STATE" && pwd)"
NAME="${NAME:-vk-testbed}"
# Scripts that act on a running cluster (SUBNET_FROM_STATE=1) take the subnet it was started with unless told.
if [ -z "${SUBNET:-}" ] && [ "${SUBNET_FROM_STATE:-0}" = 1 ] && [ -f "$STATE/subnet" ]; then SUBNET="$(cat "$STATE/subnet")"; fi
SUBNET="${SUBNET:-10.250.0}"

[[ "$NAME" =~ ^[A-Za-z0-9][A-Za-z0-9_.-]{0,29}$ ]] || { echo "testbed: invalid netns name '$NAME'" >&2; exit 2; }
[[ "$SUBNET" =~ ^[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}$ ]] || { echo "testbed: SUBNET must be three octets like 10.250.0, got '$SUBNET'" >&2; exit 2; }

API_IP="$SUBNET.1"    # kube-apiserver, inside the namespace
NODE_IP="$SUBNET.2"   # the host (root namespace) end of the veth, where virtual-kubelet nodes listen
# Interface names are limited to 15 characters.
VETH_HOST="${NAME:0:12}-h"
VETH_NS="${NAME:0:12}-n"
PKI="$STATE/pki"
