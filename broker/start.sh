#!/usr/bin/env bash
# Starts a single-node KRaft broker from broker/target/lib in the background, for CI and local
# runs: broker/start.sh DIR. Waits (bounded) until it serves, then prints "ready 127.0.0.1:PORT"
# and writes the broker's PID to DIR/pid. Stop it with: kill "$(cat DIR/pid)".
# (Java code and tests use BrokerProcess / `themewire broker`, which do the same.)
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$(mkdir -p "$1" && cd "$1" && pwd)"
lib="$home/broker/target/lib"
[ -f "$(ls "$lib"/kafka_2.13-*.jar 2>/dev/null | head -n 1)" ] || {
  echo "broker/start.sh: no broker jars in $lib (./mvnw -pl broker generate-resources)" >&2; exit 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
port="$(free_port)"; controller="$(free_port)"
cat > "$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$controller
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$dir/data
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
transaction.abort.timed.out.transaction.cleanup.interval.ms=2000
PROPS
cat > "$dir/log4j2.properties" <<LOG
status = warn
appender.file.type = File
appender.file.name = file
appender.file.fileName = $dir/broker.log
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = warn
rootLogger.appenderRef.file.ref = file
logger.kafka.name = kafka
logger.kafka.level = info
LOG
java -Xmx256m -cp "$lib/*" -Dlog4j2.configurationFile="$dir/log4j2.properties" kafka.tools.StorageTool \
  format -t "$(java -cp "$lib/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)" \
  -c "$dir/server.properties" --standalone > "$dir/format.out" 2>&1
nohup java -Xmx512m -XX:+UseSerialGC -cp "$lib/*" -Dlog4j2.configurationFile="$dir/log4j2.properties" \
  kafka.Kafka "$dir/server.properties" > "$dir/broker.out" 2>&1 &
echo $! > "$dir/pid"
for _ in $(seq 1 180); do
  if grep -q "Kafka Server started" "$dir/broker.log" 2>/dev/null && (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "ready 127.0.0.1:$port"
    exit 0
  fi
  kill -0 "$(cat "$dir/pid")" 2>/dev/null || { echo "broker/start.sh: the broker exited; see $dir/broker.out" >&2; exit 1; }
  sleep 0.5
done
echo "broker/start.sh: the broker did not start within 90 s; see $dir/broker.log" >&2
kill "$(cat "$dir/pid")" 2>/dev/null || true
exit 1
