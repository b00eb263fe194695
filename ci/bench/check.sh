#!/usr/bin/env bash
# strata check (reversibility + data + models) on synthetic histories of N revisions, next to the
# floor (the same up/down SQL run once each by plain JDBC) in one JVM; prints the ratios. Then the
# check of a pull request that adds revision N, cold and with a warm cache, run by the ./strata
# launcher as users run it. "pr" first measures only the pull requests.
# Usage: ci/bench/check.sh [pr] [N ...]   (default: 100 500 1000)
set -euo pipefail
cd "$(dirname "$0")/../.."
cp="$(ci/bench/classpath.sh checker-cli)"
# the launcher trains its class-data archive once for the jar just built, not inside a measured run
./strata --version >/dev/null
exec java -Xmx2g -Dstrata.launcher="$PWD/strata" -cp "$cp" dev.strata.bench.CheckBenchmark "$@"
