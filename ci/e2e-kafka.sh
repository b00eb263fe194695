#!/usr/bin/env bash
# End to end on Kafka: a single-node KRaft broker (ci/kafka/broker.sh) and two registry instances with
# --store kafka, as separate processes on 127.0.0.1. Pushes through one, audits and gates through the other,
# SIGKILLs one and starts it again, and checks both serve the same history. Both sign checkpoints with one shared key,
# so a checkpoint kept from one instance verifies on the other.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
./mvnw -q -B -DskipTests package
work="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  bash ci/kafka/broker.sh stop "$work/broker" || true
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
passed=0
pass() { passed=$((passed + 1)); echo "ok: $1"; }
fail() { echo "FAILED: $1"; echo "e2e kafka: $passed passed, 1 failed"; exit 1; }

# two ports picked apart (a port next to a free one may be taken); one more try with others if the broker cannot bind
bootstrap="$(bash ci/kafka/broker.sh start "$work/broker" "$(free_port)" "$(free_port)")" \
  || { rm -rf "$work/broker"; bootstrap="$(bash ci/kafka/broker.sh start "$work/broker" "$(free_port)" "$(free_port)")"; }
token="e2e-kafka-token-$(date +%s%N)"
openssl genpkey -algorithm ed25519 -out "$work/signing-key.pem" 2>/dev/null
start_registry() {  # NAME PORT
  STRATA_REGISTRY_TOKENS="write:$token" java -jar registry-service/target/registry.jar --port "$2" --data "$work/$1" \
    --store kafka --bootstrap-servers "$bootstrap" --topic e2e.events --open-reads --signing-key "$work/signing-key.pem" \
    > "$work/$1.log" 2>&1 &
  pids+=($!)
  eval "${1}_pid=$!"
  disown $!
  # listening comes first; /ready answers 200 once the instance has read the topic to the end it saw at start
  for _ in $(seq 1 300); do curl -fsS "http://127.0.0.1:$2/ready" > /dev/null 2>&1 && return 0; sleep 0.1; done
  cat "$work/$1.log"; exit 1
}
aport=$(free_port); bport=$(free_port)
start_registry a "$aport"
start_registry b "$bport"
pass "a broker and two registry instances on Kafka"

cp -r examples/stock-analyzer "$work/project"
rm -rf "$work/project/data" "$work/project/backup"
(cd "$work/project" && git init -q -b main && git add . && git -c user.name=e2e -c user.email=e2e@example.com commit -qm example \
  && git -c user.name=e2e -c user.email=e2e@example.com tag -a v1.0.0 -m v1.0.0)
strata() { local port="$1"; shift; java -jar "$root/checker-cli/target/strata.jar" -C "$work/project" --registry "http://127.0.0.1:$port" "$@"; }
export STRATA_REGISTRY_TOKEN="$token"

strata "$aport" push | grep -q '"added" : 12' && pass "push through instance a" || fail "push through instance a"
strata "$bport" push | grep -q '"added" : 0' && pass "the same push through instance b is a no-op" || fail "re-push through b"
strata "$bport" gate v1.0.0 | grep -q "recorded the release of v1.0.0" && pass "gate through instance b" || fail "gate through b"
strata "$aport" audit > "$work/audit.out" || true
grep -q "registry chain verified: 13 events" "$work/audit.out" && pass "audit through instance a sees b's tag" || fail "audit through a"
grep -q "audit passed" "$work/audit.out" && pass "the checkpoint b signed at the gate verifies through a (one shared key)" \
  || { cat "$work/audit.out"; fail "b's checkpoint through a"; }

kill -9 "$a_pid"
strata "$bport" upgrade --environment prod | grep -q "recorded the deployment to prod (0 -> 12, succeeded" \
  && pass "instance b takes writes while a is down" || fail "a deployment through b while a is down"
start_registry a "$aport"
strata "$aport" audit | grep -q "registry chain verified: 14 events" && pass "instance a, restarted after SIGKILL, caught up" \
  || fail "a caught up after its restart"
history() { curl -fsS -H "Authorization: Bearer $token" "http://127.0.0.1:$1/v1/subjects/stock-analyzer/revisions"; }
[ -n "$(history "$aport")" ] && [ "$(history "$aport")" = "$(history "$bport")" ] \
  && pass "both instances serve the same history" || fail "the same history on both instances"
if grep -q "$token" "$work"/a.log "$work"/b.log; then fail "the token appeared in a registry's log"; fi
pass "no token in the logs"
echo "e2e kafka: $passed passed, 0 failed"
