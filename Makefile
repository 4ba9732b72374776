# The user's interface. `make demo` brings up a real control plane, the node and a sample
# Deployment; `make test` runs every test tier (unit, emulator IT, E2E on the real control plane).
SHELL := /bin/bash
MVN ?= mvn -B -ntp
STATE ?= $(CURDIR)/.testbed

.PHONY: help build image classlist demo down test unit fmt controlplane bench bench-cloud bench-node

help:
	@echo "make demo   - control plane + virtual node + sample Deployment (leaves them running)"
	@echo "make down   - stop everything 'make demo' started"
	@echo "make test   - all tests: unit, integration and end-to-end on a real control plane"
	@echo "make unit   - unit tests only (fast, no network)"
	@echo "make build  - the runnable jar: provider/node/target/virtual-kubelet.jar"
	@echo "make image  - the node's container image (image/Dockerfile) as an OCI layout in target/image"
	@echo "make classlist - refresh image/classes/*.lst, the classes in the image's class-data sharing archives"
	@echo "make bench  - cloud API cost and node benchmarks (BENCH_N=100,1000 BENCH_REPEAT=3), written to docs/benchmarks.md"
	@echo "make fmt    - format the Java sources"

build:
	$(MVN) -q package -DskipTests

# Offline: a Debian JRE base made with mmdebstrap (cached in ~/.cache/vk-image), then image/Dockerfile
# built on it with buildah. Prints the image reference the chart defaults to.
image: build
	image/build.sh

# image/classes/<provider>.lst, the classes make image puts into the image's class archive for each
# provider (mock, azure, fargate): those a node with that provider loaded through startup and 100 pods
# in the node benchmark (root; the cloud providers against their emulators; not recorded in
# docs/benchmarks.md). Refresh them when the node's dependencies or startup path change; a stale list
# only shares fewer classes (a listed class the jar lacks is skipped at dump time).
CLASSLIST_RUNS := java:mock aci:azure fargate:fargate
classlist:
	for run in $(CLASSLIST_RUNS); do \
	  $(MAKE) bench-node BENCH_N=100:$${run%%:*} BENCH_REPEAT=1 BENCH_RECORD=false \
	    VK_BENCH_JAVA_OPTS="-Xshare:off -XX:DumpLoadedClassList=$(BENCH_STATE)/classes.lst" || exit 1; \
	  grep -v -E '^jdk/proxy[0-9]*/|\$$Proxy[0-9]' $(BENCH_STATE)/classes.lst > image/classes/$${run##*:}.lst; \
	done

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

# Both benchmarks below; BENCH_N and BENCH_REPEAT go to the node benchmark.
bench: bench-cloud bench-node

# Several minutes: seeds 1000 pods per provider against the emulators. Runs in the reactor (package,
# then the benchmarks' exec:java in profile bench), so nothing is installed into ~/.m2.
bench-cloud:
	$(MVN) -q -pl benchmarks -am -Pbench package -DskipTests

# The Java node against the Go virtual-kubelet v1.13.0 on a real control plane (root; netns vk-bench,
# subnet 10.249.0). BENCH_N: pod counts, each optionally :java or :go for one node only, or :aci or
# :fargate for the Java node with that cloud provider against its emulator (e.g. 1000:aci,1000:fargate).
# BENCH_RECORD=false prints the runs without storing them or rewriting the report (experiments with
# VK_BENCH_JAVA_OPTS, which the Java node gets after the image's JVM options). BENCH_WARMUP=M (with
# BENCH_RECORD=false): each Java node first runs and deletes M pods, so the run measures it JIT-warm.
BENCH_N ?= 100,1000
BENCH_REPEAT ?= 3
BENCH_STATE ?= $(CURDIR)/.bench
BENCH_NETNS ?= vk-bench
BENCH_SUBNET ?= 10.249.0
BENCH_RECORD ?= true
BENCH_WARMUP ?= 0
bench-node: controlplane
	benchmarks/reference/build.sh >/dev/null
	APISERVER_EXTRA_ARGS="--audit-policy-file=$(CURDIR)/benchmarks/reference/audit-policy.yaml --audit-log-path=$(BENCH_STATE)/logs/audit.log --audit-log-maxsize=100000" \
	  $(MVN) -q -pl benchmarks,provider/node -am -Pbench package -DskipTests \
	  -Dbench.main=dev.vk.benchmarks.node.NodeBenchmark -Dvk.bench.state=$(BENCH_STATE) \
	  -Dvk.bench.n=$(BENCH_N) -Dvk.bench.repeat=$(BENCH_REPEAT) \
	  -Dvk.bench.netns=$(BENCH_NETNS) -Dvk.bench.subnet=$(BENCH_SUBNET) -Dvk.bench.record=$(BENCH_RECORD) \
	  -Dvk.bench.warmup=$(BENCH_WARMUP)
