#!/usr/bin/env bash
# Builds etcd, kube-apiserver/-controller-manager/-scheduler and metrics-server from their upstream Go
# modules and caches the binaries outside the repo, keyed by version. A second run with the same versions
# builds nothing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/versions.env"
cache="${VK_TESTBED_CACHE:-$HOME/.cache/vk-testbed}"
k8s_bin="$cache/bin/kubernetes-v$K8S_VERSION"
etcd_bin="$cache/bin/etcd-v$ETCD_VERSION"
ms_bin="$cache/bin/metrics-server-v$METRICS_SERVER_VERSION"
export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-mod=mod

# Go is only needed when something has to be built.
need_go() { command -v go >/dev/null || { echo "testbed: missing: go (Go 1.24 or newer is needed once to build the control plane)" >&2; exit 1; }; }

# Prints one line every 100 compiled packages so a long cold build shows it is alive.
progress() { awk -v what="$1" '{ n++; if (n % 100 == 0) { printf "testbed: %s: %d packages compiled\n", what, n; fflush() } } END { printf "testbed: %s: %d packages compiled\n", what, n }'; }

# Runs a go build, keeping its full output in $cache/logs so a compile error is not swallowed by progress().
logged_build() {
  local what="$1" log="$cache/logs/build-$1.log"; shift
  mkdir -p "$cache/logs"
  if ! "$@" 2>&1 | tee "$log" | progress "$what"; then
    echo "testbed: building $what failed; last lines of $log:" >&2
    tail -n 20 "$log" >&2
    exit 1
  fi
}

build_etcd() {
  [ -x "$etcd_bin/etcd" ] && return 0
  need_go
  echo "testbed: building etcd v$ETCD_VERSION (first time only)"
  local src="$cache/src/etcd-v$ETCD_VERSION"
  mkdir -p "$src" && cd "$src"
  [ -f go.mod ] || go mod init vktestbed/etcd >/dev/null 2>&1
  go get "go.etcd.io/etcd/server/v3@v$ETCD_VERSION" 2>&1 | tail -n 3
  mkdir -p "$etcd_bin.tmp"
  logged_build etcd go build -v -trimpath -ldflags "-s -w" -o "$etcd_bin.tmp/etcd" go.etcd.io/etcd/server/v3
  rm -rf "$etcd_bin" && mv "$etcd_bin.tmp" "$etcd_bin"
}

build_kubernetes() {
  [ -x "$k8s_bin/kube-apiserver" ] && [ -x "$k8s_bin/kube-controller-manager" ] && [ -x "$k8s_bin/kube-scheduler" ] && return 0
  need_go
  echo "testbed: building Kubernetes v$K8S_VERSION control plane (first time only; about 5 minutes on 2 cores with a warm Go module cache, longer without)"
  local src="$cache/src/kubernetes-v$K8S_VERSION" minor="${K8S_VERSION%.*}"
  local staging="v0.${minor#*.}.${K8S_VERSION##*.}"
  mkdir -p "$src" && cd "$src"
  if [ ! -f go.mod ]; then
    go mod init vktestbed/kubernetes >/dev/null 2>&1
    # k8s.io/kubernetes requires its staging modules at v0.0.0; only a main module's replace fixes that.
    for m in $(cat "$here/staging-modules.txt"); do go mod edit -replace "k8s.io/$m=k8s.io/$m@$staging"; done
    go mod edit -godebug default=go1.24
  fi
  go get "k8s.io/kubernetes@v$K8S_VERSION" 2>&1 | tail -n 3
  local pkg=k8s.io/component-base/version date
  date="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  local ld="-s -w"
  for p in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    ld="$ld -X $p.gitVersion=v$K8S_VERSION -X $p.gitMajor=1 -X $p.gitMinor=${minor#*.} -X $p.gitTreeState=clean -X $p.buildDate=$date"
  done
  mkdir -p "$k8s_bin.tmp"
  logged_build kubernetes go build -v -trimpath -tags selinux,notest,grpcnotrace -ldflags "$ld" -o "$k8s_bin.tmp/" \
    k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager k8s.io/kubernetes/cmd/kube-scheduler
  rm -rf "$k8s_bin" && mv "$k8s_bin.tmp" "$k8s_bin"
}

# metrics-server is its own module (with its own k8s.io dependencies), so it gets its own build directory.
build_metrics_server() {
  [ -x "$ms_bin/metrics-server" ] && [ -f "$ms_bin/rbac.yaml" ] && return 0
  need_go
  echo "testbed: building metrics-server v$METRICS_SERVER_VERSION (first time only; about 3 minutes on 2 cores)"
  local src="$cache/src/metrics-server-v$METRICS_SERVER_VERSION"
  mkdir -p "$src" && cd "$src"
  [ -f go.mod ] || go mod init vktestbed/metrics-server >/dev/null 2>&1
  go get "sigs.k8s.io/metrics-server@v$METRICS_SERVER_VERSION" 2>&1 | tail -n 3
  local ld="-s -w" p
  for p in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    ld="$ld -X $p.gitVersion=v$METRICS_SERVER_VERSION -X $p.gitTreeState=clean"
  done
  mkdir -p "$ms_bin.tmp"
  logged_build metrics-server go build -v -trimpath -ldflags "$ld" -o "$ms_bin.tmp/metrics-server" \
    sigs.k8s.io/metrics-server/cmd/metrics-server
  # The release's own RBAC (ServiceAccount kube-system/metrics-server and its bindings), for metrics-server.sh.
  cp "$(go list -m -f '{{.Dir}}' sigs.k8s.io/metrics-server)/manifests/base/rbac.yaml" "$ms_bin.tmp/"
  rm -rf "$ms_bin" && mv "$ms_bin.tmp" "$ms_bin"
}

build_etcd
build_kubernetes
build_metrics_server
echo "testbed: control plane binaries ready in $cache/bin"
