# The user's interface. `make demo` brings up a real control plane, the node and a sample
# Deployment; `make test` runs every test tier (unit, emulator IT, E2E on the real control plane).
SHELL := /bin/bash
MVN ?= mvn -B -ntp
STATE ?= $(CURDIR)/.testbed

.PHONY: help build image demo down test unit fmt controlplane bench

help:
	@echo "make demo   - control plane + virtual node + sample Deployment (leaves them running)"
	@echo "make down   - stop everything 'make demo' started"
	@echo "make test   - all tests: unit, integration and end-to-end on a real control plane"
	@echo "make unit   - unit tests only (fast, no network)"
	@echo "make build  - the runnable jar: provider/node/target/virtual-kubelet.jar"
	@echo "make image  - the node's container image (image/Dockerfile) as an OCI layout in target/image"
	@echo "make bench  - cloud API cost benchmarks, written to docs/benchmarks.md"
	@echo "make fmt    - format the Java sources"

build:
	$(MVN) -q package -DskipTests

# Offline: a Debian JRE base made with mmdebstrap (cached in ~/.cache/vk-image), then image/Dockerfile
# built on it with buildah. Prints the image reference the chart defaults to.
image: build
	image/build.sh

controlplane:
	testbed/controlplane/build.sh

demo: build controlplane
	STATE=$(STATE) testbed/demo/demo.sh

down:
	STATE=$(STATE) testbed/controlplane/down.sh
	STATE=$(STATE) testbed/controlplane/aci-vnet.sh down

# Builds the control plane first so its (cold: several minutes) progress shows outside Maven.
test: controlplane
	$(MVN) verify

unit:
	$(MVN) test

fmt:
	$(MVN) -q spotless:apply

# Several minutes: seeds 1000 pods per provider against the emulators.
bench:
	$(MVN) -q install -DskipTests
	$(MVN) -q -pl benchmarks exec:java
