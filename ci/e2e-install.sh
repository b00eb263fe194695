#!/usr/bin/env bash
# End to end: ci/install-strata.sh as the CI templates run it, built from this checkout and, as a
# copy in another project, downloading a jar; each installed launcher then checks the example. Then
# the checkout's own ./strata, after its jar was rebuilt.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "e2e install: $*" >&2; exit 1; }

# from this checkout: the tuned launcher with its class-data archive
STRATA_BIN="$work/bin" STRATA_DATA="$work/data" bash "$root/ci/install-strata.sh" >/dev/null
grep -q -- "-XX:SharedArchiveFile=$work/data/strata.jsa" "$work/bin/strata" || fail "no class-data archive in the launcher"
[[ -s "$work/data/strata.jsa" ]] || fail "the training run wrote no archive"
"$work/bin/strata" -C "$root/examples/stock-analyzer" check --format json > "$work/report.json"
# stdout is the report alone: no JVM warning before it
[[ "$(head -c 1 "$work/report.json")" == "{" ]] && grep -q '"passed" : true' "$work/report.json" \
  || fail "the report on stdout is not a passing JSON report"

# a copy of the script in a project without Strata, downloading the jar: a plain launcher
mkdir -p "$work/project/ci"
cp "$root/ci/install-strata.sh" "$work/project/ci/"
cp "$root/checker-cli/target/strata.jar" "$work/release.jar"
(cd "$work/project" && STRATA_JAR_URL="file://$work/release.jar" STRATA_BIN="$work/bin2" STRATA_DATA="$work/data2" \
  bash ci/install-strata.sh >/dev/null)
grep -q 'exec java -jar' "$work/bin2/strata" || fail "the copied script did not write a plain launcher"
"$work/bin2/strata" -C "$root/examples/stock-analyzer" check | grep -q '^passed:' || fail "the downloaded CLI did not pass the example"

# the checkout's launcher: a jar rebuilt after its archive was made (./mvnw verify does) gets a new one on the next run
touch "$root/checker-cli/target/strata.jar"
"$root/strata" -C "$root/examples/stock-analyzer" check >/dev/null || fail "./strata did not pass the example"
[[ "$root/checker-cli/target/strata.jsa" -nt "$root/checker-cli/target/strata.jar" ]] \
  || fail "./strata did not train a new archive for the rebuilt jar"
if compgen -G "$root/checker-cli/target/*.tmp" >/dev/null; then fail "a training left a temporary archive behind"; fi
echo "e2e install: 3 passed, 0 failed"
