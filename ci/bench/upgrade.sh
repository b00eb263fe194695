#!/usr/bin/env bash
# strata upgrade on an up-to-date database next to a plain Flyway migrate, in one JVM.
# Usage: ci/bench/upgrade.sh [ROUNDS]   (default: 50)
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B -DskipTests -pl checker-cli -am install
./mvnw -q -B -pl checker-cli dependency:build-classpath -Dmdep.outputFile=checker-cli/target/bench.classpath
cd checker-cli
exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" dev.strata.bench.UpgradeBenchmark "$@"
