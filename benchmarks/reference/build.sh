#!/usr/bin/env bash
# Builds the Go virtual-kubelet reference node (cmd/virtual-kubelet, mock provider) from the Go module
# proxy with the installed go, cached next to the control plane binaries and keyed by version: a second
# run with the same version builds nothing. Prints the binary's path on stdout.
set -euo pipefail
VK_GO_VERSION="${VK_GO_VERSION:-1.13.0}"
cache="${VK_TESTBED_CACHE:-$HOME/.cache/vk-testbed}"
bin="$cache/bin/virtual-kubelet-v$VK_GO_VERSION"
if [ ! -x "$bin/virtual-kubelet" ]; then
  command -v go >/dev/null || { echo "bench: missing: go (needed once to build the Go reference node)" >&2; exit 1; }
  echo "bench: building Go virtual-kubelet v$VK_GO_VERSION (first time only)" >&2
  mkdir -p "$bin.tmp" "$cache/logs"
  if ! GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-mod=mod GOBIN="$bin.tmp" \
      go install -trimpath -ldflags "-s -w" "github.com/virtual-kubelet/virtual-kubelet/cmd/virtual-kubelet@v$VK_GO_VERSION" \
      >"$cache/logs/build-virtual-kubelet.log" 2>&1; then
    echo "bench: building virtual-kubelet failed; last lines of $cache/logs/build-virtual-kubelet.log:" >&2
    tail -n 20 "$cache/logs/build-virtual-kubelet.log" >&2
    exit 1
  fi
  rm -rf "$bin" && mv "$bin.tmp" "$bin"
fi
echo "$bin/virtual-kubelet"
