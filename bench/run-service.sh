#!/usr/bin/env bash
# The service end to end, on loopback, against ONE server this script starts and always stops:
#   1. small jobs (perceptron AND, ADALINE+interactions XOR, 2-4-2 MLP XOR 1000 epochs), 10 sequential
#      submissions each: submit→RUNNING and submit→SUCCEEDED (targets ≤ 200 ms, ≤ 1 s);
#   2. the Fashion-MNIST reference network trained through the service (IDX upload, job, /metrics) and the
#      bare engine (TrainBench) for the same epochs before the server starts and after it stops: service ÷
#      engine ≤ 1.10 (engine = mean of the two medians);
#   3. wrk on /actuator/health, a 1-row predict (small model; predict ÷ health ≥ 0.5) and a 1000-row
#      Fashion-MNIST predict (≥ 100,000 rows/s), with a jstack taken in the middle of each predict run.
# Ends with a markdown table, also written to target/bench/service.md. Exits non-zero only on errors.
#
# Needs: wrk, curl, dataset-fashion-mnist. Usage: bench/run-service.sh [epochs=3]   (~4-6 min on 2 vCPUs)
set -euo pipefail
cd "$(dirname "$0")/.."
EPOCHS=${1:-3}
PORT=${BENCH_PORT:-18080}
OUT=target/bench
JAVA_OPTS="--add-modules jdk.incubator.vector -Xmx1g"
PY=/usr/bin/python3

for tool in wrk curl jstack; do
  command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 2; }
done
[ -f /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz ] || { echo "missing dataset-fashion-mnist" >&2; exit 2; }
if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then
  echo "port $PORT is already in use (set BENCH_PORT)" >&2; exit 2
fi

echo "== build"
./mvnw -q -B -o -DskipTests package
JAR=$(ls target/widrow-*.jar | grep -v -- '-plain\.jar$' | head -1)
mkdir -p "$OUT"

# The bare engine, same network and epochs, with no server running: once before the server starts (A) and
# once after it stops (B), so a shift of the shared machine's load during the run shows up as A ≠ B
# instead of silently skewing service ÷ engine (which uses the mean of A and B).
engine() {
  java $JAVA_OPTS -Xlog:gc:file="$OUT/service-engine-$1-gc.log" -cp target/classes:target/test-classes \
    io.widrow.bench.TrainBench --epochs "$EPOCHS" --no-scaling --json "$OUT/service-engine-$1.json" 2>&1 \
    | grep -v "^WARNING: Using incubator" || true
  [ -s "$OUT/service-engine-$1.json" ] || { echo "TrainBench $1 wrote no JSON" >&2; exit 1; }
}
rm -f "$OUT"/service-engine-*.json
echo "== bare engine for $EPOCHS epochs (TrainBench --no-scaling), before the server starts (A)"
engine A

DATA=$(mktemp -d /tmp/widrow-sbench.XXXXXX)
KEY="bench-$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')"
SERVER_PID=
stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=
}
cleanup() { stop_server; rm -rf "$DATA"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== start $JAR on 127.0.0.1:$PORT (data dir $DATA, log $OUT/service-server.log)"
WIDROW_DATA_DIR=$DATA SERVER_PORT=$PORT SERVER_ADDRESS=127.0.0.1 WIDROW_ADMIN_KEY=$KEY \
  java $JAVA_OPTS -jar "$JAR" > "$OUT/service-server.log" 2>&1 &
SERVER_PID=$!
START=$(date +%s)
until curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null; do
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "server died; tail of the log:" >&2; tail -40 "$OUT/service-server.log" >&2; exit 1; }
  [ $(( $(date +%s) - START )) -lt 120 ] || { echo "server not healthy after 120 s" >&2; exit 1; }
  sleep 0.5
done
echo "   healthy after $(( $(date +%s) - START )) s"

$PY bench/service_bench.py service "http://127.0.0.1:$PORT" "$KEY" "$EPOCHS" "$OUT/service.json" "$SERVER_PID"

echo "== stop the server, then the bare engine again (B)"
stop_server
engine B

$PY bench/service_bench.py summary "$OUT/service.json" "$OUT/service-engine-A.json" "$OUT/service-engine-B.json" "$OUT/service.md"
