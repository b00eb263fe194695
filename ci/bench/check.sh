#!/usr/bin/env bash
# strata check (reversibility + data + models) on synthetic histories of N revisions, next to the
# floor (the same up/down SQL run once each by plain JDBC) in one JVM; prints the ratios.
# Usage: ci/bench/check.sh [N ...]   (default: 100 500 1000)
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B -DskipTests -pl checker-cli -am install
./mvnw -q -B -pl checker-cli dependency:build-classpath -Dmdep.outputFile=checker-cli/target/bench.classpath
exec java -Xmx2g -cp "checker-cli/target/test-classes:checker-cli/target/classes:$(cat checker-cli/target/bench.classpath)" \
  dev.strata.bench.CheckBenchmark "$@"
