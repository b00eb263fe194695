#!/usr/bin/env bash
# End to end: the registry and the CLI as separate processes, talking HTTP on 127.0.0.1.
# push, re-push (no-op), gate --registry, upgrade --environment, audit, a refused rewrite and audit after it, a wrong token,
# and the newest rows deleted from the store while the registry is down: audit fails on the checkpoint the gate kept.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
./mvnw -q -B -DskipTests package
work="$(mktemp -d)"
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 18734)
token="e2e-write-token-$(date +%s%N)"
start_registry() {
  STRATA_REGISTRY_TOKENS="write:$token" java -jar registry-service/target/registry.jar --port "$port" --data "$work/data" --open-reads \
    > "$work/registry.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 100); do grep -q listening "$work/registry.log" 2>/dev/null && break; sleep 0.1; done
  grep -q listening "$work/registry.log" || { cat "$work/registry.log"; exit 1; }
}
start_registry

cp -r examples/stock-analyzer "$work/project"
rm -rf "$work/project/data" "$work/project/backup"
(cd "$work/project" && git init -q -b main && git add . && git -c user.name=e2e -c user.email=e2e@example.com commit -qm example \
  && git -c user.name=e2e -c user.email=e2e@example.com tag -a v1.0.0 -m v1.0.0)
strata() { java -jar "$root/checker-cli/target/strata.jar" -C "$work/project" --registry "http://127.0.0.1:$port" "$@"; }
export STRATA_REGISTRY_TOKEN="$token"

strata push | grep -q '"added" : 12'
strata push | grep -q '"added" : 0'
strata gate v1.0.0 | grep -q "recorded the release of v1.0.0"
strata upgrade --environment prod > "$work/upgrade.out"
grep -q "verify: passed" "$work/upgrade.out" && grep -q "recorded the deployment to prod (0 -> 12, succeeded, verify passed)" "$work/upgrade.out" \
  || { cat "$work/upgrade.out"; exit 1; }
curl -fsS -H "Authorization: Bearer $token" "http://127.0.0.1:$port/v1/subjects/stock-analyzer/deployments" | grep -q '"verified" *: *"passed"' \
  || { echo "the registry did not keep the verify result with the deployment"; exit 1; }
strata audit > "$work/audit.out"
grep -q "registry chain verified: 14 events" "$work/audit.out" && grep -q "audit passed" "$work/audit.out" || { cat "$work/audit.out"; exit 1; }
# a refused rewrite: revision 12 recorded again with other events; push exits 1 with the registry's 409
rm "$work/project/schema/events/0012-"*.json "$work/project/db/migration/"[VU]12__*
cat > "$work/rewrite.json" <<'JSON'
[ { "type": "SqlExecuted", "description": "a different revision 12", "up": "SELECT 12;", "down": "SELECT 12;" } ]
JSON
strata revision -m "Rewritten" --events-file "$work/rewrite.json" > /dev/null
set +e
strata push > "$work/out" 2>&1; status=$?
set -e
[ "$status" -eq 1 ] && grep -q "the registry answered 409" "$work/out" && grep -q "revision 12 is " "$work/out" || { echo "push exited $status"; cat "$work/out"; exit 1; }
# audit still verifies the registry's chain: the rewrite wrote nothing
strata audit | grep -q "registry chain verified: 14 events"
set +e
STRATA_REGISTRY_TOKEN=wrong-token-0123456789 strata push > "$work/out" 2>&1; [ $? -eq 2 ] || { cat "$work/out"; exit 1; }
set -e
if grep -q "$token" "$work/registry.log"; then echo "the token appeared in the registry's log"; exit 1; fi
# truncation: the tag and the deployment (events 13 and 14) deleted while the registry is down; the chain left still verifies,
# but the checkpoint the gate kept (event 13) is no longer extended
kill "$pid"; wait "$pid" 2>/dev/null || true
python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute("DELETE FROM registry_events WHERE version >= 13"); c.commit()' \
  "$work/data/registry.db"
start_registry
set +e
strata audit > "$work/out" 2>&1; status=$?
set -e
[ "$status" -eq 1 ] && grep -q "registry chain verified: 12 events" "$work/out" && grep -q "stock-analyzer event 13 (revision 12): missing" "$work/out" \
  || { echo "audit after truncation exited $status"; cat "$work/out"; exit 1; }
echo "e2e registry: 11 passed, 0 failed"
