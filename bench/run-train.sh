#!/usr/bin/env bash
# Training throughput in one run: Widrow's engine vs PyTorch and scikit-learn on the course's
# Fashion-MNIST network (784-256-128-10 ReLU, He init, Adam 1e-3, batch 128, shuffled, 8 epochs),
# so the ratios share the machine's conditions. Also prints the engine's scaling table.
#
# Needs: apt-get install -y python3-torch python3-sklearn python3-threadpoolctl dataset-fashion-mnist
# Usage: bench/run-train.sh [epochs]        (results in target/bench/)
set -euo pipefail
cd "$(dirname "$0")/.."
EPOCHS=${1:-8}
SHARED=${WIDROW_SHARED_BENCH:-../shared/bench}
OUT=target/bench
mkdir -p "$OUT"
# A 1 GB heap is part of what is measured: the network must train in it. The engine's flags as every way of
# running Widrow passes them (README, Performance).
. bench/jvm-flags.sh
JAVA_OPTS=${JAVA_OPTS:--Xmx1g $(engine_jvm_args)}

./mvnw -q -B test-compile
# This is a shared 2-vCPU host whose speed drifts by up to 2x within minutes (other tenants), so the
# systems take turns: each round runs Widrow, then PyTorch, then scikit-learn, and the ratios are given
# per round and for each system's best round. The scaling table runs once, after the last round.
ROUNDS=${WIDROW_BENCH_ROUNDS:-2}
# The peers' fair settings (../shared/bench/README.md): OpenBLAS 0.3.21 mis-detects the AVX-512 Xeons
# and picks an SSE3 kernel, so SkylakeX is forced there; on a CPU without AVX-512 that kernel dies of an
# illegal instruction (seen on a Zen 3 host), and OpenBLAS's own choice (Zen there) is the fast one.
# Some hosts preset OPENBLAS_CORETYPE (and OPENBLAS_L2_SIZE) machine-wide, for CPUs where older OpenBLAS
# builds detect the wrong kernel. Where the CPU has AVX-512 the preset must not decide the peers' kernel:
# on a Zen 5 host the preset Haswell made PyTorch's epochs 15-20% slower than SkylakeX in alternating
# runs. Elsewhere a preset is kept. WIDROW_BENCH_OPENBLAS_CORETYPE overrides both.
export OMP_WAIT_POLICY=PASSIVE
if [[ -n ${WIDROW_BENCH_OPENBLAS_CORETYPE:-} ]]; then
  unset OPENBLAS_L2_SIZE
  export OPENBLAS_CORETYPE=$WIDROW_BENCH_OPENBLAS_CORETYPE
elif grep -qw avx512f /proc/cpuinfo 2>/dev/null; then
  unset OPENBLAS_L2_SIZE
  export OPENBLAS_CORETYPE=SkylakeX
fi
echo "peers' OpenBLAS core type: ${OPENBLAS_CORETYPE:-detected by OpenBLAS}"
# A system that is not installed must not be reported from an earlier run's files.
rm -f "$OUT"/widrow-train-r*.json "$OUT"/torch-r*.json "$OUT"/sklearn-r*.json "$OUT"/fma-*-r*.txt
# The host is probed before each system's run (FmaPeak: 2-thread FMA GFLOP/s and reads from 1 MiB per
# core, about a second), so each round's row shows the machine each system met, as far as a probe can.
probe() {
  java $JAVA_OPTS -cp target/test-classes io.widrow.bench.FmaPeak 2>/dev/null > "$OUT/fma-$1-r$2.txt" || true
}
for r in $(seq 1 "$ROUNDS"); do
  scaling=--no-scaling
  [[ $r == "$ROUNDS" ]] && scaling=
  probe widrow "$r"
  echo "== round $r of $ROUNDS: Widrow"
  # --warmup-ms: the JIT warm-up a server runs at startup (6,000 batches, at most widrow.engine.warmup-seconds=10), so this is the
  # engine as a job on a running node meets it. WIDROW_BENCH_WARMUP_MS=0 measures a cold JVM instead.
  java $JAVA_OPTS -cp target/classes:target/test-classes io.widrow.bench.TrainBench \
    --epochs "$EPOCHS" $scaling --warmup-ms "${WIDROW_BENCH_WARMUP_MS:-10000}" --json "$OUT/widrow-train-r$r.json" \
    2>&1 | grep -v "^WARNING: Using incubator"
  if /usr/bin/python3 -c "import torch" 2>/dev/null; then
    probe pytorch "$r"
    echo "== round $r of $ROUNDS: PyTorch"
    (cd "$SHARED" && /usr/bin/python3 torch_mlp.py --epochs "$EPOCHS" --threads 2 --no-inference --json "$OLDPWD/$OUT/torch-r$r.json")
  fi
  if /usr/bin/python3 -c "import sklearn" 2>/dev/null; then
    probe scikit-learn "$r"
    echo "== round $r of $ROUNDS: scikit-learn"
    (cd "$SHARED" && /usr/bin/python3 sklearn_mlp.py --epochs "$EPOCHS" --no-inference --json "$OLDPWD/$OUT/sklearn-r$r.json")
  fi
done

/usr/bin/python3 - "$OUT" "$ROUNDS" <<'PY'
import json, os, sys
out, rounds = sys.argv[1], int(sys.argv[2])
def load(name):
    p = os.path.join(out, name)
    return json.load(open(p)) if os.path.exists(p) else None
def rate(d):
    return d.get("samples_per_s") or 60000 / d["epoch_s_median"]
systems = [("widrow", "widrow-train-r{}.json"), ("pytorch", "torch-r{}.json"), ("scikit-learn", "sklearn-r{}.json")]
runs = {name: [load(f.format(r)) for r in range(1, rounds + 1)] for name, f in systems}
runs["widrow"] = [d["reference"] if d else None for d in runs["widrow"]]
def probe(name, r):
    try:
        fma, cache = open(os.path.join(out, f"fma-{name}-r{r}.txt")).read().split()
        return f"{float(fma):.0f}·{float(cache):.0f}"
    except (OSError, ValueError):
        return "–"
print("\n| round | Widrow samples/s | PyTorch samples/s | scikit-learn samples/s | Widrow ÷ faster peer | Widrow test acc | machine before each: FMA GFLOP/s·cache GB/s (W / P / S) |")
print("|---|---:|---:|---:|---:|---:|---|")
def fmt(d):
    return f"{rate(d):,.0f}" if d else "–"
for r in range(rounds):
    w, t, s = (runs[n][r] for n, _ in systems)
    peers = [rate(d) for d in (t, s) if d]
    ratio = f"{rate(w) / max(peers):.2f}×" if peers else "–"
    speeds = " / ".join(probe(n, r + 1) for n in ("widrow", "pytorch", "scikit-learn"))
    print(f"| {r + 1} | {fmt(w)} | {fmt(t)} | {fmt(s)} | {ratio} | {w['final_test_acc']:.4f} | {speeds} |")
best = {n: max((rate(d) for d in runs[n] if d), default=None) for n, _ in systems}
peer = max((v for n, v in best.items() if n != "widrow" and v), default=None)
print("\n| system (best round) | samples/s | Widrow ÷ system |")
print("|---|---:|---:|")
for n, _ in systems:
    if best[n]:
        print(f"| {n} | {best[n]:,.0f} | {best['widrow'] / best[n]:.2f}× |")
if peer:
    print(f"\nWidrow ÷ faster peer, best round of each: {best['widrow'] / peer:.2f}× (target ≥ 2.5×)")
accs = [d["final_test_acc"] for d in runs["widrow"] if d]
print(f"Widrow test accuracy after the last epoch: {min(accs):.4f}–{max(accs):.4f} (target ≥ 0.88)")
wj = load(f"widrow-train-r{rounds}.json")
print(f"Widrow peak heap: {wj.get('peakHeapMiB', 0):,} MiB of a {wj.get('maxHeapMiB', 0):,} MiB heap (60,000 × 784 float32 = 179 MiB of data)")
PY
