#!/usr/bin/env bash
# Builds MODULE (and what it needs) without tests and prints the classpath its benchmarks run on:
# its test and main classes, then its dependencies. Usage: ci/bench/classpath.sh MODULE
set -euo pipefail
cd "$(dirname "$0")/../.."
module="$1"
./mvnw -q -B -DskipTests -pl "$module" -am install >&2
# an absolute path: the plugin resolves a relative one against the module, not the working folder
out="$PWD/$module/target/bench.classpath"
./mvnw -q -B -pl "$module" dependency:build-classpath -Dmdep.outputFile="$out" >&2
echo "$PWD/$module/target/test-classes:$PWD/$module/target/classes:$(cat "$out")"
