#!/usr/bin/env bash
# The registry's figures: appends per second, schema-at-tag latency on 10,000 revisions, rebuild time
# from 100,000 events. Usage: ci/bench/registry/run.sh [REVISIONS] [TOTAL_EVENTS]
set -euo pipefail
cd "$(dirname "$0")/../../.."
cp="$(ci/bench/classpath.sh registry-service)"
exec java -Xmx3g -cp "$cp" dev.strata.registry.bench.RegistryBenchmark "$@"
