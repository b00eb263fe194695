#!/usr/bin/env bash
# strata check (reversibility + data + models) on synthetic histories of N revisions, next to the
# floor (the same up/down SQL run once each by plain JDBC) in one JVM; prints the ratios.
# Usage: ci/bench/check.sh [N ...]   (default: 100 500 1000)
set -euo pipefail
cd "$(dirname "$0")/../.."
cp="$(ci/bench/classpath.sh checker-cli)"
exec java -Xmx2g -cp "$cp" dev.strata.bench.CheckBenchmark "$@"
