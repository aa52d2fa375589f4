#!/usr/bin/python3
"""Client side of bench/run-service.sh: drives one running Widrow server over loopback HTTP.

  service_bench.py service URL KEY EPOCHS OUT_JSON SERVER_PID ROUNDS ENGINE_CMD...
        small jobs; Fashion-MNIST rounds, each one service job and one bare-engine run (ENGINE_CMD starts
        TrainBench --serve); wrk runs
  service_bench.py summary SERVICE_JSON OUT_MD   the markdown table (printed and written)

Standard library only (urllib, gzip, json, subprocess for curl/wrk/jstack), so /usr/bin/python3 is enough.
"""
import gzip
import json
import os
import re
import statistics
import struct
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from datetime import datetime

FASHION = "/usr/share/datasets/fashion-mnist"
HERE = os.path.dirname(os.path.abspath(__file__))
WRK_LUA = os.path.join(HERE, "wrk_post.lua")
TERMINAL = {"SUCCEEDED", "FAILED", "CANCELLED"}


class Api:
    def __init__(self, url, key):
        self.url = url.rstrip("/")
        self.key = key

    def call(self, method, path, body=None, timeout=60):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.url + path, data=data, method=method)
        req.add_header("X-API-Key", self.key)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                return r.status, json.loads(r.read() or b"null")
        except urllib.error.HTTPError as e:
            raise SystemExit(f"{method} {path} -> HTTP {e.code}: {e.read()[:2000].decode(errors='replace')}")

    def post(self, path, body):
        return self.call("POST", path, body)[1]

    def get(self, path):
        return self.call("GET", path)[1]

    def upload_idx(self, images, labels, name):
        out = subprocess.run(["curl", "-sS", "--fail-with-body", "--max-time", "300", "-H", f"X-API-Key: {self.key}",
                              "-F", f"images=@{images}", "-F", f"labels=@{labels}", "-F", f"name={name}",
                              self.url + "/api/v1/datasets"], capture_output=True, text=True)
        if out.returncode != 0:
            raise SystemExit(f"upload {name} failed: {out.stdout} {out.stderr}")
        return json.loads(out.stdout)


def ts(s):
    return datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp()


def wait_job(api, job_id, poll=0.01, limit=900):
    deadline = time.monotonic() + limit
    while True:
        job = api.get(f"/api/v1/jobs/{job_id}")
        if job["status"] in TERMINAL:
            return job
        if time.monotonic() > deadline:
            raise SystemExit(f"job {job_id} still {job['status']} after {limit} s")
        time.sleep(poll)


def generate(api, kind, samples, noise=0.0, seed=1):
    return api.post("/api/v1/datasets/generate", {"kind": kind, "samples": samples, "noise": noise, "seed": seed})["id"]


# ---- 2. small jobs ----

def small_jobs(api, repeats=10):
    and_ds = generate(api, "and", 4)
    xor_ds = generate(api, "xor", 4)
    no_val = {"split": 0.0}
    cases = [
        ("perceptron AND", {"datasetId": and_ds, "model": {"type": "perceptron"}}),
        ("adaline+interactions XOR", {"datasetId": xor_ds, "model": {"type": "adaline", "featureMap": "interactions"}}),
        ("mlp 2-4-2 tanh XOR, 1000 ep", {
            "datasetId": xor_ds, "validation": no_val,
            "model": {"type": "mlp", "layers": [{"units": 4, "activation": "tanh"}]},
            "training": {"epochs": 1000, "batchSize": 4, "earlyStopping": {"patience": 0}}}),
    ]
    results = []
    for name, spec in cases:
        # One unmeasured submission first: the server's first jobs pay JIT compilation of the job path
        # (Quartz, JDBC, JSON), which would otherwise dominate the max of the first case.
        t0 = time.monotonic()
        first = wait_job(api, api.post("/api/v1/jobs", spec)["id"])
        cold_ms = (time.monotonic() - t0) * 1e3
        runs = []
        for _ in range(repeats):
            t0 = time.monotonic()
            job = api.post("/api/v1/jobs", spec)
            job = wait_job(api, job["id"])
            wall = time.monotonic() - t0
            if job["status"] != "SUCCEEDED":
                raise SystemExit(f"{name}: job {job['id']} {job['status']}: {json.dumps(job)[:1500]}")
            created, started, finished = ts(job["createdAt"]), ts(job["startedAt"]), ts(job["finishedAt"])
            runs.append({"start_ms": (started - created) * 1e3, "done_ms": (finished - created) * 1e3,
                         "train_ms": (finished - started) * 1e3, "wall_ms": wall * 1e3})
        row = {"case": name, "runs": runs, "cold_wall_ms": cold_ms, "cold_status": first["status"]}
        for k in ("start_ms", "done_ms", "train_ms", "wall_ms"):
            vals = [r[k] for r in runs]
            row[k] = {"median": statistics.median(vals), "max": max(vals)}
        print(f"  {name}: submit->RUNNING median {row['start_ms']['median']:.0f} ms max {row['start_ms']['max']:.0f}; "
              f"submit->SUCCEEDED median {row['done_ms']['median']:.0f} ms max {row['done_ms']['max']:.0f}; "
              f"client wall median {row['wall_ms']['median']:.0f} ms max {row['wall_ms']['max']:.0f} "
              f"(unmeasured first submission: {cold_ms:.0f} ms)", flush=True)
        results.append(row)
    return results


# ---- 3. Fashion-MNIST through the service ----

def gc_seconds(pid):
    """Total GC time (s) and collections of the server JVM so far, from jstat -gc (None if jstat fails)."""
    out = subprocess.run(["jstat", "-gc", str(pid)], capture_output=True, text=True)
    lines = out.stdout.split()
    if out.returncode != 0 or "GCT" not in lines:
        return None
    head = out.stdout.splitlines()[0].split()
    vals = out.stdout.splitlines()[1].split()
    row = dict(zip(head, vals))
    return {"gct": float(row["GCT"]), "ygc": int(row["YGC"]), "fgc": int(row["FGC"]), "old_used_mb": float(row["OU"]) / 1024}


def cpu_seconds(pid):
    """CPU time (user + system, s) the process has used so far, from /proc/PID/stat."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_idle(pid, below=0.05, window=1.0, timeout=90):
    """Waits until the server uses < `below` cores over `window` s; returns seconds waited (None on timeout).

    Right after the uploads the JIT is still compiling their parsing code and H2's: seconds of C2 work at
    normal priority, against a training thread at nice 10. That is a one-off of a freshly started node, not
    a cost the service adds per epoch, so the job is submitted once the node has gone quiet."""
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        c0 = cpu_seconds(pid)
        time.sleep(window)
        if (cpu_seconds(pid) - c0) / window < below:
            return time.monotonic() - t0
    return None


class Engine:
    """The bare engine in its own JVM next to the server (TrainBench --serve): it loads the data and warms
    up once, then trains the reference network for N epochs whenever asked, so engine and service runs can
    alternate within seconds of each other."""

    def __init__(self, cmd):
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        for line in self.proc.stdout:
            if line.startswith("READY"):
                return
            print("  engine: " + line.rstrip(), flush=True)
        raise SystemExit(f"the engine process exited before READY (exit {self.proc.wait()})")

    def train(self, epochs):
        self.proc.stdin.write(f"train {epochs}\n")
        self.proc.stdin.flush()
        for line in self.proc.stdout:
            if line.startswith("ROUND "):
                return json.loads(line[len("ROUND "):])
        raise SystemExit(f"the engine process exited during a round (exit {self.proc.wait()})")

    def close(self):
        if self.proc.poll() is None:
            try:
                self.proc.stdin.write("quit\n")
                self.proc.stdin.close()
                self.proc.wait(timeout=60)
            except (OSError, subprocess.TimeoutExpired):
                self.proc.kill()


def thread_files(pid, name):
    """(kernel thread name, text of /proc/PID/task/TID/`name`) for each thread of `pid` still there; None when
    the process is gone."""
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return None
    found = []
    for tid in tasks:
        try:
            with open(f"/proc/{pid}/task/{tid}/comm") as f:
                comm = f.read().strip()
            with open(f"/proc/{pid}/task/{tid}/{name}") as f:
                found.append((comm, f.read()))
        except OSError:
            continue
    return found


def run_queue_wait(pid, prefixes):
    """Seconds the threads of `pid` whose kernel name starts with one of `prefixes` have spent runnable but
    waiting for a CPU (field 2 of /proc/PID/task/TID/schedstat); None without schedstat."""
    found = thread_files(pid, "schedstat")
    if found is None:
        return None
    total = 0
    for comm, text in found:
        try:
            if comm.startswith(prefixes):
                total += int(text.split()[1])
        except (IndexError, ValueError):
            continue
    return total / 1e9


def thread_cpu(pid):
    """CPU seconds (user + system) per thread group of `pid` so far: kernel thread names without their number
    ("C2 CompilerThre", "GC Thread", "http-nio-18080-exec", ...). A thread that ended since is not counted."""
    groups = {}
    tick = os.sysconf("SC_CLK_TCK")
    for comm, text in thread_files(pid, "stat") or []:
        try:
            fields = text.rsplit(")", 1)[1].split()
            name = re.sub(r"[#_-]?\d+$", "", comm)
            groups[name] = groups.get(name, 0.0) + (int(fields[11]) + int(fields[12])) / tick
        except (IndexError, ValueError):
            continue
    return groups


def other_cpu(before, after, training):
    """The thread groups outside `training` that used CPU between two thread_cpu samples, largest first."""
    used = {k: after.get(k, 0.0) - before.get(k, 0.0) for k in after}
    return sorted(((k, v) for k, v in used.items() if v >= 0.005 and not k.startswith(training)),
                  key=lambda kv: -kv[1])


# The training threads: a job's Quartz worker and the GEMM helpers; the bare engine's main thread ("java") and helpers.
SERVICE_TRAINING_THREADS = ("quartzScheduler", "widrow-gemm")
ENGINE_TRAINING_THREADS = ("java", "widrow-gemm")


def fashion_job(api, epochs, server_pid, rounds, engine_cmd):
    t0 = time.monotonic()
    train = api.upload_idx(f"{FASHION}/train-images-idx3-ubyte.gz", f"{FASHION}/train-labels-idx1-ubyte.gz", "fmnist-train")
    test = api.upload_idx(f"{FASHION}/t10k-images-idx3-ubyte.gz", f"{FASHION}/t10k-labels-idx1-ubyte.gz", "fmnist-test")
    upload_s = time.monotonic() - t0
    print(f"  uploaded train ({train.get('rows')} rows) + test ({test.get('rows')} rows) in {upload_s:.1f} s", flush=True)
    spec = {
        "datasetId": train["id"], "validation": {"datasetId": test["id"]},
        "model": {"type": "mlp", "standardize": True,
                  "layers": [{"units": 256, "activation": "relu", "init": "he_normal"},
                             {"units": 128, "activation": "relu", "init": "he_normal"}],
                  "output": {"activation": "softmax", "loss": "cross_entropy", "init": "xavier_uniform"}},
        "training": {"epochs": epochs, "batchSize": 128, "shuffle": True, "seed": 0,
                     "optimizer": {"type": "adam", "learningRate": 1e-3}, "earlyStopping": {"patience": 0}},
    }
    # A node that has just started still compiles its own request, JPA/HQL and H2 code when the first job
    # runs: measured on a fresh node, the C2 compiler thread used 2.9 s of CPU during a 6-epoch job. That is
    # a one-off of a new JVM, not a cost the service adds per epoch: one short job first (its epochs are
    # reported), then paired rounds until the compiler goes quiet (SETTLE_C2_S below).
    first = dict(spec, training=dict(spec["training"], epochs=2))
    wait_idle(server_pid)
    warm = wait_job(api, api.post("/api/v1/jobs", first)["id"], poll=0.5)
    first_seconds = [e["seconds"] for e in epoch_metrics(api, warm["id"])]
    print(f"  first job on the fresh node ({warm['status']}): epochs {['%.2f' % s for s in first_seconds]} s", flush=True)

    print(f"  starting the bare engine next to the server: {' '.join(engine_cmd)}", flush=True)
    engine = Engine(engine_cmd)
    results, warming, gc = [], [], {"seconds": 0.0, "young": 0, "full": 0}
    quiet, r, measured = 0, 0, False
    try:
        while len(results) < rounds:
            # Once warmed, every later round counts, whatever its compiler time: no round is picked for being quiet.
            measured = measured or quiet >= SETTLED_AFTER or len(warming) >= MAX_WARMING_ROUNDS
            # Alternate the order (engine first, then service first, ...) so that a steady drift of the
            # host's speed during the rounds favours neither side.
            run = {}
            for side in (("engine", "service") if r % 2 == 0 else ("service", "engine")):
                waited = [wait_idle(server_pid), wait_idle(engine.proc.pid)]
                if None in waited:
                    print("  (the server or the engine did not go idle within 90 s)", flush=True)
                pid, threads = (engine.proc.pid, ENGINE_TRAINING_THREADS) if side == "engine" \
                    else (server_pid, SERVICE_TRAINING_THREADS)
                wait0 = run_queue_wait(pid, threads)
                cpu0 = thread_cpu(pid)
                if side == "engine":
                    e = engine.train(epochs)
                    run["engine"], run["engine_acc"] = e["epoch_seconds"], e["final_test_acc"]
                else:
                    gc0 = gc_seconds(server_pid)
                    job = wait_job(api, api.post("/api/v1/jobs", spec)["id"], poll=0.5)
                    gc1 = gc_seconds(server_pid)
                    if job["status"] != "SUCCEEDED":
                        raise SystemExit(f"Fashion-MNIST job {job['status']}: {json.dumps(job)[:1500]}")
                    ms = epoch_metrics(api, job["id"])
                    run["service"] = [m["seconds"] for m in ms]
                    run["service_acc"] = ms[-1].get("valAccuracy")
                    run["job"], run["model"] = job["id"], job["modelId"]
                    run["train_s"] = ts(job["finishedAt"]) - ts(job["startedAt"])
                    if gc0 and gc1 and measured:
                        gc["seconds"] += gc1["gct"] - gc0["gct"]
                        gc["young"] += gc1["ygc"] - gc0["ygc"]
                        gc["full"] += gc1["fgc"] - gc0["fgc"]
                        gc["old_used_mb_after"] = gc1["old_used_mb"]
                wait1 = run_queue_wait(pid, threads)
                if wait0 is not None and wait1 is not None:
                    run[side + "_run_queue_wait_s"] = wait1 - wait0
                # Who else ran while the job trained: what a training thread waits for when it waits.
                run[side + "_other_cpu"] = other_cpu(cpu0, thread_cpu(pid), threads)
            run["first"] = "engine" if r % 2 == 0 else "service"
            run["ratio"] = statistics.median(run["service"]) / statistics.median(run["engine"])
            run["c2_s"] = sum(v for k, v in run["service_other_cpu"] if k.startswith("C2 Compiler"))
            (results if measured else warming).append(run)
            quiet = quiet + 1 if run["c2_s"] < SETTLE_C2_S else 0
            waits = (f"; training threads waited for a CPU {run['service_run_queue_wait_s']:.2f} s / "
                     f"{run['engine_run_queue_wait_s']:.2f} s" if "service_run_queue_wait_s" in run and
                     "engine_run_queue_wait_s" in run else "")
            print(f"  {'round' if measured else 'warming round'} {r + 1} ({run['first']} first): service epochs {['%.2f' % x for x in run['service']]}, "
                  f"engine {['%.2f' % x for x in run['engine']]} -> service / engine {run['ratio']:.2f}{waits}", flush=True)
            print("    other threads' CPU during the service job: "
                  + (", ".join(f"{k} {v:.2f} s" for k, v in run["service_other_cpu"][:6]) or "none"), flush=True)
            r += 1
    finally:
        engine.close()
    service_all = [x for run in results for x in run["service"]]
    engine_all = [x for run in results for x in run["engine"]]
    res = {"upload_s": upload_s, "first_job_epoch_seconds": first_seconds, "rounds": results, "warming": warming,
           "warming_ratio_median": statistics.median(r["ratio"] for r in warming) if warming else None,
           "ratio_median": statistics.median(r["ratio"] for r in results), "service_epoch_s_median": statistics.median(service_all),
           "engine_epoch_s_median": statistics.median(engine_all), "model": results[-1]["model"],
           "test_images": test["id"], "gc": gc}
    if warming:
        print(f"  while the node's JIT warmed ({len(warming)} rounds): service / engine median "
              f"{res['warming_ratio_median']:.2f}", flush=True)
    print(f"  service / engine: median of the rounds' ratios {res['ratio_median']:.2f}; medians of all epochs "
          f"{res['service_epoch_s_median']:.3f} s / {res['engine_epoch_s_median']:.3f} s; server GC during the jobs "
          f"{gc['seconds']:.2f} s in {gc['young']} young + {gc['full']} full collections", flush=True)
    return res


# A new node's first jobs still pay C2 for the H2, JPA, Spring and web code they make hot: on a Zen 5 host
# the compiler used 1.0-2.5 s of CPU during each of the first ten 8-epoch jobs, and 0.12-0.16 s by the
# tenth, against 0.1-0.2 s for the service's own work per job. That is a new JVM's warm-up, as the bare
# engine's --warmup-ms is, not a cost the service adds per epoch. So rounds count towards the target only
# once SETTLED_AFTER service jobs in a row ran with C2 under SETTLE_C2_S (or after MAX_WARMING_ROUNDS);
# the earlier rounds are paired the same way and reported as the fresh node's figures.
SETTLE_C2_S = 0.3
SETTLED_AFTER = 2
MAX_WARMING_ROUNDS = 16


def epoch_metrics(api, job_id):
    m = api.get(f"/api/v1/jobs/{job_id}/metrics")
    return m if isinstance(m, list) else m.get("epochs", m.get("metrics", []))


# ---- 4. prediction with wrk ----

def fashion_rows(n):
    """The first n test images as the service sees them: pixels / 255 (IdxReader), rounded to keep JSON short."""
    with gzip.open(f"{FASHION}/t10k-images-idx3-ubyte.gz", "rb") as f:
        magic, count, rows, cols = struct.unpack(">IIII", f.read(16))
        size = rows * cols
        data = f.read(n * size)
    return [[round(b / 255, 4) for b in data[i * size:(i + 1) * size]] for i in range(n)]


def content_type(body_file):
    return "application/octet-stream" if body_file and body_file.endswith(".f32") else "application/json"


def wrk(url, seconds, connections, body_file=None, key=None, label=""):
    env = dict(os.environ)
    env["WRK_CONTENT_TYPE"] = content_type(body_file)
    cmd = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s", "-s", WRK_LUA, url]
    env["WRK_BODY_FILE"] = body_file or ""
    env["WRK_API_KEY"] = key or ""
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=seconds + 60)
    if out.returncode != 0:
        raise SystemExit(f"wrk {label} failed: {out.stderr}{out.stdout}")
    line = [l for l in out.stdout.splitlines() if l.startswith("WRKJSON ")]
    if not line:
        raise SystemExit(f"wrk {label}: no summary line in output:\n{out.stdout}")
    r = json.loads(line[-1][len("WRKJSON "):])
    r["rps"] = r["requests"] / (r["duration_us"] / 1e6)
    return r


def sequential(url, body_file, key, n=30, warm=10):
    """Median ms of n back-to-back requests over one keep-alive connection (after warm ones)."""
    import http.client
    from urllib.parse import urlsplit
    u = urlsplit(url)
    body = open(body_file, "rb").read() if body_file else None
    headers = {"X-API-Key": key, "Content-Type": content_type(body_file)} if key else {}
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
    times = []
    for i in range(warm + n):
        t0 = time.perf_counter()
        conn.request("POST" if body else "GET", u.path, body=body, headers=headers)
        r = conn.getresponse()
        r.read()
        if r.status != 200:
            raise SystemExit(f"{url} -> HTTP {r.status}")
        if i >= warm:
            times.append((time.perf_counter() - t0) * 1e3)
    conn.close()
    return statistics.median(times)


def measure(url, body_file, key, label, connections, warm_s, run_s, server_pid=None, jstack_to=None):
    wrk(url, warm_s, connections, body_file, key, label + " warm-up")
    proc = None
    if server_pid and jstack_to:
        # One thread dump in the middle of the measured run: what the server threads are doing under load.
        proc = subprocess.Popen(["bash", "-c", f"sleep {run_s / 2}; jstack {server_pid} > {jstack_to} 2>&1 || true"])
    r = wrk(url, run_s, connections, body_file, key, label)
    if proc:
        proc.wait()
    print(f"  {label}: {r['rps']:,.0f} req/s, p50 {r['p50_us'] / 1e3:.2f} ms, p99 {r['p99_us'] / 1e3:.2f} ms, "
          f"non-2xx {r['status_errors']}, socket errors {r['socket_errors']}", flush=True)
    return r


def prediction(api, fashion_model, server_pid, out_dir, connections=16, warm_s=4, run_s=10):
    ds = generate(api, "rings", 2000, noise=0.1, seed=1)
    job = api.post("/api/v1/jobs", {"datasetId": ds, "validation": {"split": 0.0},
                                    "model": {"type": "mlp", "layers": [{"units": 16, "activation": "relu"}]},
                                    "training": {"epochs": 20, "earlyStopping": {"patience": 0}}})
    job = wait_job(api, job["id"])
    if job["status"] != "SUCCEEDED":
        raise SystemExit(f"rings job {job['status']}: {json.dumps(job)[:1500]}")
    small_model = job["modelId"]
    tmp = tempfile.mkdtemp(prefix="widrow-bench-")
    one = os.path.join(tmp, "one.json")
    with open(one, "w") as f:
        json.dump({"inputs": [[0.3, -0.7]]}, f)
    batch = os.path.join(tmp, "batch1000.json")
    with open(batch, "w") as f:
        json.dump({"inputs": fashion_rows(1000)}, f, separators=(",", ":"))
    # The same 1000 rows as raw little-endian float32 (what IdxReader stores: pixel / 255).
    raw = os.path.join(tmp, "batch1000.f32")
    with gzip.open(f"{FASHION}/t10k-images-idx3-ubyte.gz", "rb") as f:
        f.read(16)
        pixels = f.read(1000 * 784)
    with open(raw, "wb") as f:
        f.write(struct.pack("<%df" % len(pixels), *[b / 255 for b in pixels]))
    # Sanity: each body is accepted and answers as many rows as it sends.
    for model, body, rows in ((small_model, one, 1), (fashion_model, batch, 1000)):
        with open(body) as f:
            resp = api.post(f"/api/v1/models/{model}/predict", json.load(f))
        if len(resp["predictions"]) != rows:
            raise SystemExit(f"predict on {model} returned {len(resp['predictions'])} rows, expected {rows}")
    base = api.url
    out = subprocess.run(["curl", "-sf", "-H", f"X-API-Key: {api.key}", "-H", "Content-Type: application/octet-stream",
                          "--data-binary", f"@{raw}", f"{api.url}/api/v1/models/{fashion_model}/predict"],
                         capture_output=True, text=True, timeout=60)
    if out.returncode != 0 or len(json.loads(out.stdout)["predictions"]) != 1000:
        raise SystemExit(f"raw float32 predict failed: {out.stdout[:500]} {out.stderr[:500]}")
    res = {"batch_body_bytes": os.path.getsize(batch), "raw_body_bytes": os.path.getsize(raw),
           "connections": connections, "seconds": run_s}
    # One connection, one request at a time: fixed cost per request vs cost per row, without wrk competing.
    fashion_one = os.path.join(tmp, "fashion1.json")
    with open(fashion_one, "w") as f:
        json.dump({"inputs": fashion_rows(1)}, f, separators=(",", ":"))
    res["sequential"] = {
        "health": sequential(base + "/actuator/health", None, None),
        "predict1_small": sequential(f"{base}/api/v1/models/{small_model}/predict", one, api.key),
        "predict1_fashion": sequential(f"{base}/api/v1/models/{fashion_model}/predict", fashion_one, api.key),
        "predict1000_fashion": sequential(f"{base}/api/v1/models/{fashion_model}/predict", batch, api.key, n=15),
        "predict1000_raw": sequential(f"{base}/api/v1/models/{fashion_model}/predict", raw, api.key, n=15),
    }
    print("  sequential (1 connection, median ms): " + ", ".join(f"{k} {v:.2f}" for k, v in res["sequential"].items()),
          flush=True)
    res["health"] = measure(base + "/actuator/health", None, None, "GET /actuator/health", connections, warm_s, run_s)
    res["predict1"] = measure(f"{base}/api/v1/models/{small_model}/predict", one, api.key, "POST predict 1 row (2-16-2)",
                              connections, warm_s, run_s, server_pid, os.path.join(out_dir, "service-jstack-predict1.txt"))
    res["predict1000"] = measure(f"{base}/api/v1/models/{fashion_model}/predict", batch, api.key,
                                 "POST predict 1000 rows (784-256-128-10)", connections, warm_s, run_s, server_pid,
                                 os.path.join(out_dir, "service-jstack-predict1000.txt"))
    res["predict1000"]["rows_per_s"] = res["predict1000"]["rps"] * 1000
    res["predict1000raw"] = measure(f"{base}/api/v1/models/{fashion_model}/predict", raw, api.key,
                                    "POST predict 1000 raw float32 rows (784-256-128-10)", connections, warm_s, run_s)
    res["predict1000raw"]["rows_per_s"] = res["predict1000raw"]["rps"] * 1000
    print(f"  1000-row batch: {res['predict1000']['rows_per_s']:,.0f} rows/s as JSON "
          f"({res['batch_body_bytes'] / 1e6:.1f} MB body), {res['predict1000raw']['rows_per_s']:,.0f} rows/s "
          f"as raw float32 ({res['raw_body_bytes'] / 1e6:.1f} MB)", flush=True)
    return res


def service(url, key, epochs, out_json, server_pid, rounds, engine_cmd):
    api = Api(url, key)
    out = {"epochs": epochs, "niceness": os.environ.get("WIDROW_WORKERSNICENESS", "10")}
    print("== small jobs (sequential, 10 each)", flush=True)
    out["small"] = small_jobs(api)
    print(f"== Fashion-MNIST reference network: {rounds} rounds of a service job and a bare-engine run, "
          f"{epochs} epochs each", flush=True)
    out["fashion"] = fashion_job(api, epochs, server_pid, rounds, engine_cmd)
    print("== prediction (wrk -t2 -c16, 4 s warm-up + 10 s each)", flush=True)
    out["predict"] = prediction(api, out["fashion"]["model"], server_pid, os.path.dirname(out_json))
    with open(out_json, "w") as f:
        json.dump(out, f, indent=1)


# ---- 5. summary ----

def verdict(ok):
    return "yes" if ok else "**no**"


def engine_gc(log):
    """Sum of GC pause seconds and their count in an -Xlog:gc file, or None."""
    import re
    if not os.path.exists(log):
        return None
    pauses = [float(m.group(1)) for m in re.finditer(r"Pause.* ([0-9.]+)ms$", open(log).read(), re.M)]
    return sum(pauses) / 1e3, len(pauses)


def summary(service_json, out_md):
    s = json.load(open(service_json))
    lines = [f"# Widrow service benchmark ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
             f"{os.cpu_count()} CPUs, one server, loopback)", "",
             "## Small jobs (10 sequential submissions each after one unmeasured; times from the job's createdAt)", "",
             "| job | submit→RUNNING median / max | RUNNING→SUCCEEDED median / max | submit→SUCCEEDED median / max | "
             "client wall median / max | first (cold) wall | ≤ 200 ms start | ≤ 1 s done |",
             "|---|---:|---:|---:|---:|---:|:-:|:-:|"]
    for r in s["small"]:
        st, dn, wl = r["start_ms"], r["done_ms"], r["wall_ms"]
        tr = r["train_ms"]
        lines.append(f"| {r['case']} | {st['median']:.0f} / {st['max']:.0f} ms | {tr['median']:.0f} / {tr['max']:.0f} ms"
                     f" | {dn['median']:.0f} / {dn['max']:.0f} ms"
                     f" | {wl['median']:.0f} / {wl['max']:.0f} ms | {r.get('cold_wall_ms', float('nan')):.0f} ms | {verdict(st['max'] <= 200)} | "
                     f"{verdict(max(dn['max'], wl['max']) <= 1000)} |")
    f = s["fashion"]
    ratio = f["ratio_median"]
    fmt = lambda xs: ", ".join("%.2f" % x for x in xs)
    lines += ["", f"## Fashion-MNIST 784-256-128-10, {s['epochs']} epochs, batch 128, Adam: service vs bare engine", "",
              "Each round runs one job through the service and the same training in a separate bare-engine JVM "
              "(TrainBench --serve, warmed up as the server warms up), one after the other with both idle, "
              "alternating which goes first.", "",
              f"Training threads at nice {s.get('niceness', '?')} in the server (WIDROW_WORKERSNICENESS). "
              "Run-queue wait: seconds the training threads (caller and GEMM helpers) were runnable but had no CPU "
              "during the run (/proc schedstat).", "",
              f"Rounds count once {SETTLED_AFTER} service jobs in a row ran with the C2 compiler under {SETTLE_C2_S} s "
              f"of CPU (at most {MAX_WARMING_ROUNDS} rounds before): the earlier rounds, marked *warming*, are the "
              "fresh node's JIT warm-up, paired and reported the same way.", "",
              "| round | first | service epoch seconds (job metrics) | engine epoch seconds | service ÷ engine (medians) | "
              "run-queue wait service / engine | C2 CPU during the service job |",
              "|---|---|---|---|---:|---:|---:|"]
    warming = f.get("warming", [])
    for i, r in enumerate(warming + f["rounds"]):
        wq = (f"{r['service_run_queue_wait_s']:.2f} / {r['engine_run_queue_wait_s']:.2f} s"
              if "service_run_queue_wait_s" in r and "engine_run_queue_wait_s" in r else "n/a")
        label = f"{i + 1} *warming*" if i < len(warming) else f"{i + 1}"
        lines.append(f"| {label} | {r['first']} | {fmt(r['service'])} | {fmt(r['engine'])} | {r['ratio']:.2f} | {wq} | "
                     f"{r.get('c2_s', float('nan')):.2f} s |")
    gc = f.get("gc") or {}
    eg = engine_gc(os.path.join(os.path.dirname(service_json), "service-engine-gc.log"))
    lines += [f"| **median of the rounds** | | {f['service_epoch_s_median']:.3f} s (all epochs) | "
              f"{f['engine_epoch_s_median']:.3f} s (all epochs) | **{ratio:.2f}** (≤ 1.10: {verdict(ratio <= 1.10)}) | | |",
              "", f"The fresh node's first job (2 epochs, not compared): {fmt(f['first_job_epoch_seconds'])} s. "
              + (f"While its JIT warmed ({len(warming)} rounds): service ÷ engine median {f['warming_ratio_median']:.2f}. "
                 if warming else "")
              + f"Upload of both IDX pairs: {f['upload_s']:.1f} s. "
              + (f"Server GC during the measured jobs: {gc['seconds']:.2f} s ({gc['young']} young, {gc['full']} full "
                 f"collections). " if gc else "")
              + (f"Engine GC pauses (whole process incl. data load): {eg[0]:.2f} s in {eg[1]} pauses. " if eg else "")
              + f"Test accuracy after the last round: service {f['rounds'][-1].get('service_acc')}, "
              f"engine {f['rounds'][-1].get('engine_acc'):.4f}."]
    p = s["predict"]
    h, p1, pb = p["health"], p["predict1"], p["predict1000"]
    ratio_p = p1["rps"] / h["rps"]
    lines += ["", f"## Prediction (wrk -t2 -c{p['connections']}, {p['seconds']} s each after a warm-up)", "",
              "| endpoint | req/s | p50 | p99 | non-2xx | socket errors | target |",
              "|---|---:|---:|---:|---:|---:|---|"]

    def row(name, r, target):
        return (f"| {name} | {r['rps']:,.0f} | {r['p50_us'] / 1e3:.2f} ms | {r['p99_us'] / 1e3:.2f} ms | "
                f"{r['status_errors']} | {r['socket_errors']} | {target} |")
    lines.append(row("GET /actuator/health", h, "baseline"))
    lines.append(row("POST predict, 1 row, 2-16-2", p1, f"predict ÷ health = {ratio_p:.2f} (≥ 0.5: {verdict(ratio_p >= 0.5)})"))
    lines.append(row(f"POST predict, 1000 rows as JSON, 784-256-128-10 ({p['batch_body_bytes'] / 1e6:.1f} MB)", pb,
                     f"{pb['rows_per_s']:,.0f} rows/s"))
    if "predict1000raw" in p:
        pr = p["predict1000raw"]
        lines.append(row(f"POST predict, 1000 rows as raw float32 ({p['raw_body_bytes'] / 1e6:.1f} MB)", pr,
                         f"{pr['rows_per_s']:,.0f} rows/s (≥ 100,000: {verdict(pr['rows_per_s'] >= 100_000)})"))
    q = p.get("sequential")
    if q:
        per_row = (q["predict1000_fashion"] - q["predict1_fashion"]) / 999
        lines += ["", "Sequential, one connection, median per request: "
                  f"health {q['health']:.2f} ms, 1-row predict 2-16-2 {q['predict1_small']:.2f} ms, "
                  f"1-row predict 784-256-128-10 {q['predict1_fashion']:.2f} ms, "
                  + (f"1000-row raw float32 predict {q['predict1000_raw']:.1f} ms, " if "predict1000_raw" in q else "") +
                  f"1000-row JSON predict {q['predict1000_fashion']:.1f} ms "
                  f"(≈ {per_row * 1e3:.0f} µs per extra row → {1000 / q['predict1000_fashion'] * 1000:,.0f} rows/s on one connection)."]
    text = "\n".join(lines) + "\n"
    print("\n" + text)
    with open(out_md, "w") as fh:
        fh.write(text)


if __name__ == "__main__":
    if len(sys.argv) >= 9 and sys.argv[1] == "service":
        service(sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5], int(sys.argv[6]), int(sys.argv[7]), sys.argv[8:])
    elif len(sys.argv) == 4 and sys.argv[1] == "summary":
        summary(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
