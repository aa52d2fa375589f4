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
# A 1 GB heap is part of what is measured: the network must train in it.
JAVA_OPTS=${JAVA_OPTS:--Xmx1g --add-modules jdk.incubator.vector}

./mvnw -q -B test-compile
java $JAVA_OPTS -cp target/classes:target/test-classes io.widrow.bench.TrainBench \
  --epochs "$EPOCHS" --json "$OUT/widrow-train.json" 2>&1 | grep -v "^WARNING: Using incubator"

# The peers' fair settings on this CPU (see ../shared/bench/README.md).
export OPENBLAS_CORETYPE=SkylakeX OMP_WAIT_POLICY=PASSIVE
if /usr/bin/python3 -c "import torch" 2>/dev/null; then
  (cd "$SHARED" && /usr/bin/python3 torch_mlp.py --epochs "$EPOCHS" --threads 2 --no-inference --json "$OLDPWD/$OUT/torch.json")
fi
if /usr/bin/python3 -c "import sklearn" 2>/dev/null; then
  (cd "$SHARED" && /usr/bin/python3 sklearn_mlp.py --epochs "$EPOCHS" --no-inference --json "$OLDPWD/$OUT/sklearn.json")
fi

/usr/bin/python3 - "$OUT" <<'PY'
import json, os, sys
out = sys.argv[1]
def load(name):
    p = os.path.join(out, name)
    return json.load(open(p)) if os.path.exists(p) else None
w = load("widrow-train.json")["reference"]
rows = [("widrow", w["samples_per_s"], w["final_test_acc"])]
for name, f in (("pytorch", "torch.json"), ("scikit-learn", "sklearn.json")):
    d = load(f)
    if d:
        sps = d.get("samples_per_s") or 60000 / d["epoch_s_median"]
        rows.append((name, sps, d.get("final_test_acc")))
best_peer = max((r[1] for r in rows[1:]), default=None)
print("\n| system | samples/s | test accuracy | Widrow ÷ system |")
print("|---|---:|---:|---:|")
for name, sps, acc in rows:
    ratio = rows[0][1] / sps
    print(f"| {name} | {sps:,.0f} | {acc:.4f} | {ratio:.2f}× |")
if best_peer:
    print(f"\nWidrow ÷ faster peer: {rows[0][1] / best_peer:.2f}× (target ≥ 2.5×)")
wj = load("widrow-train.json")
print(f"Widrow peak heap: {wj.get('peakHeapMiB', 0):,} MiB of a {wj.get('maxHeapMiB', 0):,} MiB heap (60,000 × 784 float32 = 179 MiB of data)")
PY
