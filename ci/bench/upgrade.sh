#!/usr/bin/env bash
# strata upgrade on an up-to-date database next to a plain Flyway migrate, in one JVM.
# Usage: ci/bench/upgrade.sh [ROUNDS]   (default: 50)
set -euo pipefail
cd "$(dirname "$0")/../.."
cp="$(ci/bench/classpath.sh checker-cli)"
cd checker-cli
exec java -cp "$cp" dev.strata.bench.UpgradeBenchmark "$@"
