#!/usr/bin/env bash
# A single-node KRaft broker from Maven Central artifacts, on 127.0.0.1 only, as a separate process.
# Usage: ci/kafka/broker.sh start DIR [PORT [CONTROLLER_PORT]] | stop DIR
#   start: formats DIR/data once, starts the broker (controller on CONTROLLER_PORT, default PORT+1), waits until it
#          answers, prints HOST:PORT; a broker that dies on the way has its log printed
#   stop:  SIGTERM (controlled shutdown), SIGKILL after 30 s
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cmd="${1:?usage: broker.sh start|stop DIR [PORT]}"
dir="$(mkdir -p "${2:?a folder for the broker}" && cd "$2" && pwd)"
port="${3:-19092}"
if [ "$cmd" = stop ]; then
  pid="$(cat "$dir/broker.pid" 2>/dev/null || true)"
  [ -n "$pid" ] || exit 0
  kill "$pid" 2>/dev/null || exit 0
  for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || exit 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  exit 0
fi
cp_file="$root/ci/kafka/target/broker.classpath"
if [ ! -s "$cp_file" ]; then
  "$root/mvnw" -q -B -f "$root/ci/kafka/pom.xml" dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile="$cp_file" >&2
fi
cp="$(cat "$cp_file")"
controller="${4:-$((port + 1))}"
cat > "$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$controller
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller
advertised.listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$dir/data
num.partitions=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
log.cleaner.dedupe.buffer.size=2097152
auto.create.topics.enable=false
PROPS
if [ ! -f "$dir/data/meta.properties" ]; then
  id="$(java -cp "$cp" kafka.tools.StorageTool random-uuid 2>/dev/null)"
  java -cp "$cp" kafka.tools.StorageTool format --standalone -t "$id" -c "$dir/server.properties" > "$dir/format.log" 2>&1
fi
nohup java -Xms256m -Xmx512m -Dlog4j2.configurationFile="$root/ci/kafka/log4j2.xml" -cp "$cp" kafka.Kafka "$dir/server.properties" \
  > "$dir/broker.log" 2>&1 &
pid=$!
echo "$pid" > "$dir/broker.pid"
for _ in $(seq 1 600); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "127.0.0.1:$port"; exit 0; fi
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "the broker stopped while starting on 127.0.0.1:$port (controller $controller); its log:" >&2
    cat "$dir/broker.log" >&2
    exit 1
  fi
  sleep 0.1
done
echo "the broker did not listen on 127.0.0.1:$port within 60 s" >&2
cat "$dir/broker.log" >&2
exit 1
