#!/usr/bin/env bash
# The registry's figures, each store beside the SQLite store from the same run: appends per second from concurrent
# HTTP clients (SQLite, Kafka through 1 and through 3 instances on an in-process broker), schema-at-tag latency
# p50/p99 over HTTP, and the rebuild time of the projections.
# Usage: ci/bench/registry/run.sh [appends|rebuild|schema] [revisions=10000] [events=1000000] [clients=16] [appends=300] [warmup=32000] [fillers=100] [queries=1000] [threads=32] [kafka=1] [rebuilds=1]
# (appends is per client, after warmup unmeasured ones shared by the clients; fillers is the number of subjects the events beyond the big subject's are spread over).
set -euo pipefail
cd "$(dirname "$0")/../../.."
cp="$(ci/bench/classpath.sh registry-service)"
exec java -Xmx4g -cp "$cp" dev.strata.registry.bench.RegistryBenchmark "$@"
