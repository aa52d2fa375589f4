# Sourced by the bench scripts: build the jar, start ONE Widrow server on loopback with a fresh temp data dir, and
# always stop it (and remove the dir) on exit. Callers set PORT, OUT and JAVA_OPTS first; extra environment for the
# server goes in SERVER_ENV (e.g. "WIDROW_WORKERS=2"). After start_server: SERVER_PID, KEY, DATA.

build_jar() {
  echo "== build"
  ./mvnw -q -B -DskipTests package
  JAR=$(ls target/widrow-*.jar | grep -v -- '-plain\.jar$' | head -1)
  mkdir -p "$OUT"
}

SERVER_PID=
DATA=
stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=
}
cleanup_server() { stop_server; [ -n "$DATA" ] && rm -rf "$DATA"; }

# start_server LOG: waits (≤ 120 s) for /actuator/health.
start_server() {
  local log=$1
  if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then
    echo "port $PORT is already in use (set BENCH_PORT)" >&2; exit 2
  fi
  DATA=$(mktemp -d /tmp/widrow-bench.XXXXXX)
  KEY="bench-$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  echo "== start $JAR on 127.0.0.1:$PORT (data dir $DATA, log $log)"
  env WIDROW_DATA_DIR="$DATA" SERVER_PORT="$PORT" SERVER_ADDRESS=127.0.0.1 WIDROW_ADMIN_KEY="$KEY" ${SERVER_ENV:-} \
    java $JAVA_OPTS -jar "$JAR" > "$log" 2>&1 &
  SERVER_PID=$!
  local start
  start=$(date +%s)
  until curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null; do
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "server died; tail of the log:" >&2; tail -40 "$log" >&2; exit 1; }
    [ $(( $(date +%s) - start )) -lt 120 ] || { echo "server not healthy after 120 s" >&2; exit 1; }
    sleep 0.5
  done
  echo "   healthy after $(( $(date +%s) - start )) s"
  # The node warms the engine's JIT in the background after startup (widrow.engine.warmup-seconds): measure
  # after it, as a job on a node that has been up for a few seconds would run.
  until grep -q "Engine JIT warm-up" "$log"; do
    [ $(( $(date +%s) - start )) -lt 60 ] || break
    sleep 0.5
  done
  grep -o "Engine JIT warm-up.*" "$log" | head -1 | sed 's/^/   /'
}
