#!/usr/bin/env bash
# Load on ONE server this script starts (loopback, fresh temp data dir) and always stops:
#   1. a small model (rings, 2-16-2) and a Fashion-MNIST-sized one (784-256-128-10; Debian's dataset-fashion-mnist
#      when installed, else a generated 784-feature IDX set);
#   2. idle: wrk on predict (1 row, small model; 1 row and 100 rows, 784-256-128-10), GET job status, GET job metrics
#      and /actuator/prometheus: requests/s, p50/p99 and errors;
#   3. the same while two training jobs (784-256-128-10, batch 128) keep both workers busy, then both are cancelled.
# Every wrk run is bounded: -t2 -c16, 3 s warm-up + 10 s measured, after one 15 s JIT warm-up per endpoint
# (≈ 5.5 min of wrk in all; idle is measured before and after the training phase). Errors (non-2xx or socket) must be 0; the script fails otherwise.
# Table: target/bench/load.md (also load.json, load-server.log).
#
# Needs: wrk, curl (apt-get install -y wrk curl); optional dataset-fashion-mnist. Usage: bench/run-load.sh
# The per-key predict rate limit is switched off for the run (WIDROW_LIMITS_PREDICTRATE=0): wrk measures capacity
# from one key. Set LOAD_NICENESS=0 to compare with training threads at normal priority.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_PORT:-18081}
OUT=target/bench
. bench/jvm-flags.sh
JAVA_OPTS="$(engine_jvm_args) -Xmx2g"
SERVER_ENV="WIDROW_WORKERS=2 WIDROW_LIMITS_PREDICTRATE=0 WIDROW_WORKERSNICENESS=${LOAD_NICENESS:-10}"
PY=/usr/bin/python3

for tool in wrk curl; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y wrk curl)" >&2; exit 2; }
done

. bench/server-lib.sh
build_jar
trap cleanup_server EXIT
trap 'exit 130' INT TERM
start_server "$OUT/load-server.log"

$PY bench/load_bench.py "http://127.0.0.1:$PORT" "$KEY" "$OUT/load.json" "$OUT/load.md" "${LOAD_NICENESS:-10}" "$SERVER_PID"
