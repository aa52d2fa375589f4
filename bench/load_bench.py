#!/usr/bin/python3
"""Client side of bench/run-load.sh: drives one running Widrow server over loopback HTTP.

  load_bench.py URL KEY OUT_JSON OUT_MD NICENESS SERVER_PID

Standard library only; wrk and the API helpers come from service_bench.py.
"""
import gzip
import json
import os
import random
import struct
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from service_bench import FASHION, Api, generate, wait_job, wrk  # noqa: E402

CONNECTIONS = 16
WARM_S = 3
RUN_S = 10
# The first minute after start runs partly interpreted: without this round, idle looked slower than loaded.
WARMUP_ROUND_S = 15
NETWORK = {"type": "mlp", "standardize": True,
           "layers": [{"units": 256, "activation": "relu", "init": "he_normal"},
                      {"units": 128, "activation": "relu", "init": "he_normal"}],
           "output": {"activation": "softmax", "loss": "cross_entropy", "init": "xavier_uniform"}}


def synthetic_idx(path, rows, seed=1):
    """A 784-feature stand-in for Fashion-MNIST when the Debian package is absent: noisy class prototypes."""
    rnd = random.Random(seed)
    protos = [[rnd.randrange(256) for _ in range(784)] for _ in range(10)]
    labels = [i % 10 for i in range(rows)]
    with gzip.open(path + "-images.gz", "wb") as f:
        f.write(struct.pack(">IIII", 0x803, rows, 28, 28))
        for y in labels:
            f.write(bytes(min(255, max(0, p + rnd.randrange(-40, 41))) for p in protos[y]))
    with gzip.open(path + "-labels.gz", "wb") as f:
        f.write(struct.pack(">II", 0x801, rows) + bytes(labels))
    return path + "-images.gz", path + "-labels.gz"


def rows_of(images_gz, n):
    with gzip.open(images_gz, "rb") as f:
        _, _, r, c = struct.unpack(">IIII", f.read(16))
        size = r * c
        data = f.read(n * size)
    return [[round(b / 255, 4) for b in data[i * size:(i + 1) * size]] for i in range(n)]


def setup(api, tmp):
    if os.path.exists(f"{FASHION}/train-images-idx3-ubyte.gz"):
        source = "Fashion-MNIST (dataset-fashion-mnist)"
        train = (f"{FASHION}/train-images-idx3-ubyte.gz", f"{FASHION}/train-labels-idx1-ubyte.gz")
        test = (f"{FASHION}/t10k-images-idx3-ubyte.gz", f"{FASHION}/t10k-labels-idx1-ubyte.gz")
    else:
        source = "generated 784-feature IDX (dataset-fashion-mnist not installed)"
        train = synthetic_idx(os.path.join(tmp, "train"), 60000, 1)
        test = synthetic_idx(os.path.join(tmp, "test"), 10000, 2)
    print(f"== models: small rings 2-16-2 and 784-256-128-10 on {source}", flush=True)
    train_ds = api.upload_idx(train[0], train[1], "load-train")
    test_ds = api.upload_idx(test[0], test[1], "load-test")
    ring = generate(api, "rings", 2000, noise=0.1, seed=1)
    small = wait_job(api, api.post("/api/v1/jobs", {
        "datasetId": ring, "validation": {"split": 0.0},
        "model": {"type": "mlp", "layers": [{"units": 16, "activation": "relu"}]},
        "training": {"epochs": 20, "earlyStopping": {"patience": 0}}})["id"])
    big = wait_job(api, api.post("/api/v1/jobs", {
        "datasetId": train_ds["id"], "validation": {"datasetId": test_ds["id"]}, "model": NETWORK,
        "training": {"epochs": 2, "batchSize": 128, "seed": 0, "optimizer": {"type": "adam", "learningRate": 1e-3},
                     "earlyStopping": {"patience": 0}}})["id"], poll=0.5)
    for j in (small, big):
        if j["status"] != "SUCCEEDED":
            raise SystemExit(f"setup job {j['status']}: {json.dumps(j)[:1500]}")
    print(f"   784-256-128-10 test accuracy after 2 epochs: {(big.get('latest') or {}).get('valAccuracy')}", flush=True)
    bodies = {}
    for name, content in (("one_small", {"inputs": [[0.3, -0.7]]}), ("one_big", {"inputs": rows_of(test[0], 1)}),
                          ("hundred_big", {"inputs": rows_of(test[0], 100)})):
        bodies[name] = os.path.join(tmp, name + ".json")
        with open(bodies[name], "w") as f:
            json.dump(content, f, separators=(",", ":"))
    return {"source": source, "small": small["modelId"], "big": big["modelId"], "finished_job": big["id"],
            "test_ds": test_ds["id"], "bodies": bodies}


def targets(api, s):
    base = api.url
    return [
        ("POST predict, 1 row, 2-16-2", f"{base}/api/v1/models/{s['small']}/predict", s["bodies"]["one_small"]),
        ("POST predict, 1 row, 784-256-128-10", f"{base}/api/v1/models/{s['big']}/predict", s["bodies"]["one_big"]),
        ("POST predict, 100 rows, 784-256-128-10", f"{base}/api/v1/models/{s['big']}/predict", s["bodies"]["hundred_big"]),
        ("GET job status", f"{base}/api/v1/jobs/{s['status_job']}", None),
        ("GET job metrics", f"{base}/api/v1/jobs/{s['status_job']}/metrics", None),
        ("GET /actuator/prometheus", f"{base}/actuator/prometheus", None),
    ]


SYSMON = "/work/shared/bench/sysmon.py"


def quiet():
    """Waits (≤ 2 min) for other processes on this shared machine to go quiet; False if they did not."""
    if not os.path.exists(SYSMON):
        return None
    import subprocess
    return subprocess.run([sys.executable, SYSMON, "wait", "--timeout", "120"], capture_output=True).returncode == 0


def phase(api, s, label, was_quiet):
    out = {"_quiet": was_quiet}
    if out["_quiet"] is False:
        print(f"  warning: the machine was busy before the {label} phase; figures are contaminated", flush=True)
    for name, url, body in targets(api, s):
        wrk(url, WARM_S, CONNECTIONS, body, api.key, name + " warm-up")
        r = wrk(url, RUN_S, CONNECTIONS, body, api.key, name)
        out[name] = r
        print(f"  [{label}] {name}: {r['rps']:,.0f} req/s, p50 {r['p50_us'] / 1e3:.2f} ms, p99 {r['p99_us'] / 1e3:.2f} ms, "
              f"non-2xx {r['status_errors']}, socket errors {r['socket_errors']}", flush=True)
    return out


def training(api, s):
    spec = {"datasetId": s["test_ds"], "validation": {"split": 0.0}, "model": NETWORK,
            "training": {"epochs": 5000, "batchSize": 128, "seed": 1, "optimizer": {"type": "adam", "learningRate": 1e-4},
                         "earlyStopping": {"patience": 0}}}
    ids = [api.post("/api/v1/jobs", dict(spec, priority=0))["id"] for _ in range(2)]
    deadline = time.monotonic() + 120
    while True:
        jobs = [api.get(f"/api/v1/jobs/{i}") for i in ids]
        if all(j["status"] == "RUNNING" and j["epoch"] >= 1 for j in jobs):
            return ids
        if any(j["status"] in ("SUCCEEDED", "FAILED", "CANCELLED") for j in jobs) or time.monotonic() > deadline:
            raise SystemExit(f"training jobs did not both start: {[j['status'] for j in jobs]}")
        time.sleep(0.5)


def worker_nice(pid):
    """Nice values of the server's Quartz worker threads (what training really runs at): jstack maps the Java
    thread names to kernel task ids (/proc's comm is cut at 15 characters), /proc gives each task's nice."""
    import re
    import subprocess
    out = subprocess.run(["jstack", str(pid)], capture_output=True, text=True).stdout
    seen = set()
    for m in re.finditer(r'^"[^"]*_Worker-\d+".* nid=(0x[0-9a-f]+)', out, re.M):
        try:
            stat = open(f"/proc/{pid}/task/{int(m.group(1), 16)}/stat").read()
            seen.add(int(stat.rsplit(")", 1)[1].split()[16]))
        except OSError:
            pass
    return sorted(seen)


def main(url, key, out_json, out_md, niceness, server_pid):
    api = Api(url, key)
    tmp = tempfile.mkdtemp(prefix="widrow-load-")
    s = setup(api, tmp)
    s["status_job"] = s["finished_job"]
    print(f"== JIT warm-up: {WARMUP_ROUND_S} s of wrk on each endpoint, unmeasured", flush=True)
    for name, target, body in targets(api, s):
        wrk(target, WARMUP_ROUND_S, CONNECTIONS, body, api.key, name + " JIT warm-up")
    print(f"== idle (wrk -t2 -c{CONNECTIONS}, {WARM_S} s warm-up + {RUN_S} s each)", flush=True)
    idle = phase(api, s, "idle", quiet())
    print("== two training jobs running (784-256-128-10 on 10k rows, batch 128)", flush=True)
    before_training = quiet()
    ids = training(api, s)
    s["status_job"] = ids[0]
    nice_seen = worker_nice(server_pid)
    print(f"   worker threads run at nice {nice_seen}", flush=True)
    t0 = time.monotonic()
    epochs0 = [api.get(f"/api/v1/jobs/{i}")["epoch"] for i in ids]
    busy = phase(api, s, "training", before_training)
    elapsed = time.monotonic() - t0
    epochs1 = [api.get(f"/api/v1/jobs/{i}")["epoch"] for i in ids]
    rows_per_s = sum(e1 - e0 for e0, e1 in zip(epochs0, epochs1)) * 10000 / elapsed
    for i in ids:
        api.post(f"/api/v1/jobs/{i}/cancel", {})
    ended = [wait_job(api, i)["status"] for i in ids]
    print(f"   training meanwhile: {rows_per_s:,.0f} samples/s over both jobs; then cancelled: {ended}", flush=True)
    # Measured again once training has stopped: the JIT keeps improving for minutes, so "idle" before and after
    # bracket the training figures and show what is warm-up and what is load.
    s["status_job"] = s["finished_job"]
    print("== idle again, after the training jobs", flush=True)
    after = phase(api, s, "idle after", quiet())
    result = {"source": s["source"], "niceness": niceness, "worker_nice_seen": nice_seen, "idle": idle, "training": busy,
              "idle_after": after, "training_samples_per_s": rows_per_s, "cancelled": ended, "cpus": os.cpu_count()}
    with open(out_json, "w") as f:
        json.dump(result, f, indent=1)
    runs = [r for p in (idle, busy, after) for k, r in p.items() if not k.startswith("_")]
    errors = sum(r["status_errors"] + r["socket_errors"] for r in runs)
    lines = [f"# Widrow load ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} CPUs, one server, "
             f"loopback, wrk -t2 -c{CONNECTIONS}, {RUN_S} s per row after {WARM_S} s warm-up)", "",
             f"Models: 2-16-2 on rings; 784-256-128-10 on {s['source']}. Training: two jobs of 784-256-128-10, "
             f"batch 128, on 2 workers at nice {'/'.join(map(str, nice_seen)) or niceness}; {rows_per_s:,.0f} samples/s over both "
             f"while measured.", "",
             "| endpoint | idle req/s | idle p50 / p99 | training req/s | training p50 / p99 | idle after req/s | "
             "idle after p50 / p99 | errors |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for name in targets(api, s):
        name = name[0]
        cells = [f"{p[name]['rps']:,.0f} | {p[name]['p50_us'] / 1e3:.2f} / {p[name]['p99_us'] / 1e3:.2f} ms"
                 for p in (idle, busy, after)]
        errs = sum(p[name]["status_errors"] + p[name]["socket_errors"] for p in (idle, busy, after))
        lines.append(f"| {name} | {' | '.join(cells)} | {errs} |")
    lines += ["", f"Total errors (non-2xx + socket): {errors}. Requests: "
              f"{sum(r['requests'] for r in runs):,}. Machine quiet (other processes < 0.15 cores) before the idle "
              f"phase: {idle['_quiet']}, before the training jobs: {busy['_quiet']}, before idle after: {after['_quiet']} "
              f"(None: sysmon.py absent). Job metrics while training are those of a running job whose epoch list "
              f"grows by about {rows_per_s / 2 / 10000:.1f} epochs/s, so that row measures a larger body, not only load."]
    text = "\n".join(lines) + "\n"
    print("\n" + text)
    with open(out_md, "w") as f:
        f.write(text)
    if errors:
        raise SystemExit(f"{errors} errors under load")


if __name__ == "__main__":
    if len(sys.argv) != 7:
        sys.exit(__doc__)
    main(*sys.argv[1:])
