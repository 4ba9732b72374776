#!/usr/bin/env bash
# Stops the testbed started by up.sh and leaves no process behind.
#
#   down.sh [--state DIR] [--name NETNS] [--quiet]     (or the env vars STATE, NAME)
#
# Kills every process in the network namespace NAME and every pid in STATE/pids/*.pid (other scripts drop
# pid files there for node processes in the root namespace): SIGTERM, then SIGKILL after GRACE seconds
# (default 5). Then deletes the veth and the namespace. Logs, certificates and kubeconfigs stay.
# Idempotent: succeeds when nothing runs.
set -uo pipefail
quiet=0
args=()
for a in "$@"; do if [ "$a" = --quiet ]; then quiet=1; else args+=("$a"); fi; done
set -- "${args[@]}"
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
GRACE="${GRACE:-5}"
say() { [ "$quiet" = 1 ] || echo "testbed: $*" >&2; }

# descendants PID...: the pids and, recursively, their children.
descendants() {
  local p
  for p in "$@"; do
    echo "$p"
    # shellcheck disable=SC2046
    descendants $(ps -o pid= --ppid "$p" 2>/dev/null)
  done
}

# targets [--except-etcd]: the live pids to stop: the namespace's processes and those named by pid files,
# with their descendants (a node script may have started a JVM).
targets() {
  local skip=""
  [ "${1:-}" = --except-etcd ] && skip="$(tr -dc '0-9' 2>/dev/null <"$STATE/pids/etcd.pid")"
  {
    ip netns pids "$NAME" 2>/dev/null
    for f in "$STATE"/pids/*.pid; do
      [ -f "$f" ] || continue
      pid="$(tr -dc '0-9' <"$f")"
      [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && descendants "$pid"
    done
  } | sort -un | while read -r pid; do
    [ "$pid" -gt 1 ] && [ "$pid" != $$ ] && [ "$pid" != "$skip" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
  done
}

# stop [--except-etcd]: SIGTERM, up to GRACE seconds, then SIGKILL.
stop() {
  local pids left
  pids="$(targets "$@" | tr '\n' ' ')"
  [ -n "${pids// /}" ] || return 0
  say "stopping pids $pids"
  # shellcheck disable=SC2086
  kill -TERM $pids 2>/dev/null
  for _ in $(seq $((GRACE * 10))); do
    [ -z "$(targets "$@")" ] && return 0
    sleep 0.1
  done
  left="$(targets "$@" | tr '\n' ' ')"
  [ -n "${left// /}" ] || return 0
  say "killing pids $left (still running after ${GRACE}s)"
  # shellcheck disable=SC2086
  kill -KILL $left 2>/dev/null
  for _ in $(seq 50); do [ -z "$(targets "$@")" ] && return 0; sleep 0.1; done
}

# etcd last: stopped first, it leaves the apiserver retrying and itself waiting for its clients. Its data is
# thrown away by the next up.sh (and never fsynced), so it is simply killed.
stop --except-etcd
left="$(targets | tr '\n' ' ')"
if [ -n "${left// /}" ]; then
  # shellcheck disable=SC2086
  kill -KILL $left 2>/dev/null
  for _ in $(seq 50); do [ -z "$(targets)" ] && break; sleep 0.1; done
fi
left="$(targets | tr '\n' ' ')"
[ -z "${left// /}" ] || { echo "testbed: processes still running: $left" >&2; exit 1; }
rm -f "$STATE"/pids/*.pid

ip link del "$VETH_HOST" 2>/dev/null || true
if ip netns list 2>/dev/null | awk -v n="$NAME" '$1 == n { f = 1 } END { exit !f }'; then
  ip netns del "$NAME" || { echo "testbed: could not delete network namespace $NAME" >&2; exit 1; }
fi
say "stopped (netns $NAME, state $STATE)"
