#!/usr/bin/env bash
# Installs the strata CLI for CI: a self-contained jar plus a launcher on PATH.
# STRATA_JAR_URL set: download the jar from the project's own release artifacts (fast, no build).
# Otherwise: build it once from a checkout of Strata at STRATA_HOME (default: this repository) with
# the Maven Wrapper; CI caches ~/.m2 so later runs resolve nothing.
# STRATA_BIN (default ~/.local/bin) and STRATA_DATA (default ~/.local/share/strata) say where to put
# the launcher and the jar.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
home="${STRATA_HOME:-$here}"
bin="${STRATA_BIN:-$HOME/.local/bin}"
data="${STRATA_DATA:-$HOME/.local/share/strata}"
mkdir -p "$bin" "$data"
jar="$data/strata.jar"
if [[ -n "${STRATA_JAR_URL:-}" ]]; then
  curl -fsSL "$STRATA_JAR_URL" -o "$jar"
else
  (cd "$home" && ./mvnw -q -B -DskipTests -pl checker-cli -am package)
  cp "$home/checker-cli/target/strata.jar" "$jar"
fi
STRATA_OPTS=()
if [[ -f "$home/ci/jvm.sh" ]]; then
  # shellcheck source=ci/jvm.sh
  source "$home/ci/jvm.sh"
  strata_train "$jar" "$home/examples/stock-analyzer"
  strata_java_opts "$jar"
fi
opts=""
if [[ ${#STRATA_OPTS[@]} -gt 0 ]]; then
  opts="$(printf '%q ' "${STRATA_OPTS[@]}")"
fi
printf '#!/bin/sh\nexec java %s-jar "%s" "$@"\n' "$opts" "$jar" > "$bin/strata"
chmod +x "$bin/strata"
echo "installed $("$bin/strata" --version) at $bin/strata"
