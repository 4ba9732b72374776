#!/usr/bin/env bash
# Builds helm from the Go module proxy once and caches it outside the repo, keyed by version, like
# testbed/controlplane/build.sh. Prints the binary's path on stdout (progress goes to stderr), so
# `HELM="$(testbed/tools/helm.sh)"` works. A second run builds nothing and needs no Go.
#
#   HELM_VERSION       helm release to build (default below)
#   VK_TESTBED_CACHE   cache root (default ~/.cache/vk-testbed); the binary is bin/helm-v<version>/helm
set -euo pipefail
HELM_VERSION="${HELM_VERSION:-3.19.5}"
# The Kubernetes minor that helm's client libraries target (helm v3.19 uses k8s.io/client-go v0.34).
# `go install` skips the Makefile's ldflags, and without them helm v3 assumes Kubernetes v1.20.0 for
# .Capabilities.KubeVersion, the chart's kubeVersion check and lint's deprecation rules.
HELM_K8S_MINOR="${HELM_K8S_MINOR:-34}"
cache="${VK_TESTBED_CACHE:-$HOME/.cache/vk-testbed}"
bin="$cache/bin/helm-v$HELM_VERSION"

if [ -x "$bin/helm" ]; then
  echo "testbed: helm v$HELM_VERSION ready (cached)" >&2
  echo "$bin/helm"
  exit 0
fi

command -v go >/dev/null || { echo "testbed: missing: go (Go 1.24 or newer is needed once to build helm)" >&2; exit 1; }
major="${HELM_VERSION%%.*}"
echo "testbed: building helm v$HELM_VERSION (first time only)" >&2
start=$(date +%s)
mkdir -p "$cache/logs"
log="$cache/logs/build-helm.log"
ld="-s -w -X helm.sh/helm/v$major/internal/version.version=v$HELM_VERSION -X helm.sh/helm/v$major/internal/version.gitTreeState=clean"
if [ "$major" = 3 ]; then
  for p in pkg/chartutil pkg/lint/rules; do
    ld="$ld -X helm.sh/helm/v3/$p.k8sVersionMajor=1 -X helm.sh/helm/v3/$p.k8sVersionMinor=$HELM_K8S_MINOR"
  done
fi
rm -rf "$bin.tmp" && mkdir -p "$bin.tmp"
# Written to a .tmp directory and renamed, so an interrupted build never leaves a half cache.
if ! GOTOOLCHAIN=local CGO_ENABLED=0 GOBIN="$bin.tmp" GOFLAGS=-buildvcs=false \
    go install -trimpath -ldflags "$ld" "helm.sh/helm/v$major/cmd/helm@v$HELM_VERSION" >"$log" 2>&1; then
  echo "testbed: building helm failed; last lines of $log:" >&2
  tail -n 20 "$log" >&2
  rm -rf "$bin.tmp"
  exit 1
fi
rm -rf "$bin" && mv "$bin.tmp" "$bin"
echo "testbed: helm v$HELM_VERSION built in $(($(date +%s) - start)) s: $("$bin/helm" version --short)" >&2
echo "$bin/helm"
