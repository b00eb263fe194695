#!/usr/bin/env bash
# The web UI's server time per page on a subject of 10,000 revisions (read from each answer's Server-Timing).
# Usage: ci/bench/registry/web.sh [REVISIONS]
set -euo pipefail
cd "$(dirname "$0")/../../.."
cp="$(ci/bench/classpath.sh registry-service)"
exec java -Xmx3g -cp "$cp" dev.strata.registry.bench.WebBenchmark "$@"
