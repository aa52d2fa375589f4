#!/usr/bin/env bash
# The service end to end, on loopback, against ONE server this script starts and always stops:
#   1. small jobs (perceptron AND, ADALINE+interactions XOR, 2-4-2 MLP XOR 1000 epochs), 10 sequential
#      submissions each: submit→RUNNING and submit→SUCCEEDED (targets ≤ 200 ms, ≤ 1 s);
#   2. the Fashion-MNIST reference network trained through the service (IDX upload, a 2-epoch first job on
#      the fresh node, then the measured job, /metrics) and the bare engine (TrainBench) for the same epochs
#      before the server starts and after it stops: service ÷ engine ≤ 1.10 (engine = mean of the two medians);
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
JAVA_OPTS="--add-modules jdk.incubator.vector -Xmx2g"
# wrk measures capacity from one key: the per-key predict rate limit would turn most requests into 429s.
SERVER_ENV="WIDROW_LIMITS_PREDICTRATE=0"
PY=/usr/bin/python3

for tool in wrk curl jstack; do
  command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 2; }
done
[ -f /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz ] || { echo "missing dataset-fashion-mnist" >&2; exit 2; }

. bench/server-lib.sh
build_jar

# The bare engine, same network and epochs, with no server running: once before the server starts (A) and
# once after it stops (B), so a shift of the shared machine's load during the run shows up as A ≠ B
# instead of silently skewing service ÷ engine (which uses the mean of A and B). Each first runs the JIT
# warm-up the server runs at startup, as run-train.sh does, so warm is compared with warm.
engine() {
  java $JAVA_OPTS -Xlog:gc:file="$OUT/service-engine-$1-gc.log" -cp target/classes:target/test-classes \
    io.widrow.bench.TrainBench --epochs "$EPOCHS" --no-scaling --warmup-ms 10000 --json "$OUT/service-engine-$1.json" 2>&1 \
    | grep -v "^WARNING: Using incubator" || true
  [ -s "$OUT/service-engine-$1.json" ] || { echo "TrainBench $1 wrote no JSON" >&2; exit 1; }
}
rm -f "$OUT"/service-engine-*.json
echo "== bare engine for $EPOCHS epochs (TrainBench --no-scaling), before the server starts (A)"
engine A

trap cleanup_server EXIT
trap 'exit 130' INT TERM
start_server "$OUT/service-server.log"

$PY bench/service_bench.py service "http://127.0.0.1:$PORT" "$KEY" "$EPOCHS" "$OUT/service.json" "$SERVER_PID"

echo "== stop the server, then the bare engine again (B)"
stop_server
engine B

$PY bench/service_bench.py summary "$OUT/service.json" "$OUT/service-engine-A.json" "$OUT/service-engine-B.json" "$OUT/service.md"
