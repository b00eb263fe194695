#!/usr/bin/env bash
# The registry's figures: appends per second, schema-at-tag latency on 10,000 revisions, rebuild time
# from 100,000 events. Usage: ci/bench/registry/run.sh [REVISIONS] [TOTAL_EVENTS]
set -euo pipefail
cd "$(dirname "$0")/../../.."
./mvnw -q -B -DskipTests -pl registry-service -am install
./mvnw -q -B -pl registry-service dependency:build-classpath -Dmdep.outputFile=registry-service/target/bench.classpath
exec java -Xmx3g -cp "registry-service/target/test-classes:registry-service/target/classes:$(cat registry-service/target/bench.classpath)" \
  dev.strata.registry.bench.RegistryBenchmark "$@"
