#!/usr/bin/env bash
# End to end: the stock analyzer's image built and run, where a Docker daemon answers (skipped, saying so, elsewhere).
# The image migrates a database on a host folder, backs up to another, and a second run finds nothing to do.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if ! docker info >/dev/null 2>&1; then
  echo "e2e docker: skipped (no Docker daemon answers here)"
  exit 0
fi
cd "$root"
[[ -f checker-cli/target/strata.jar ]] || ./mvnw -q -B -DskipTests package
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/data" "$work/backups" && chmod 0777 "$work/data" "$work/backups"
docker build -q -f examples/stock-analyzer/Dockerfile -t strata-stock-analyzer:e2e . >/dev/null
docker run --rm -v "$work/data:/data" -v "$work/backups:/backups" strata-stock-analyzer:e2e > "$work/first.out" 2>&1 \
  || { cat "$work/first.out"; exit 1; }
grep -q "upgraded /data/stock_data.db from version 0 to 12" "$work/first.out" || { cat "$work/first.out"; exit 1; }
grep -q "verified" "$work/first.out" || { cat "$work/first.out"; exit 1; }
if grep -q "not a mounted volume" "$work/first.out"; then cat "$work/first.out"; exit 1; fi
docker run --rm -v "$work/data:/data" -v "$work/backups:/backups" strata-stock-analyzer:e2e > "$work/second.out" 2>&1
grep -q "is up to date at version 12" "$work/second.out" || { cat "$work/second.out"; exit 1; }
echo "e2e docker: 2 passed, 0 failed"
