#!/usr/bin/env python3
"""Python's peers of bench/ProcessPoolEndToEnd: the same workloads through multiprocessing.Pool.map,
concurrent.futures.ProcessPoolExecutor.map and joblib's loky backend, each with its default chunking, on 2 workers.
Prints one JSON object of medians on stdout (progress on stderr).

    python3 bench/python/process_e2e.py [--quick]
"""
import concurrent.futures as cf
import json
import multiprocessing as mp
import os
import signal
import statistics
import sys
import time

try:
    import joblib
except ImportError:  # the driver installs python3-joblib; without it the loky column is left out
    joblib = None


def noop(x):
    return x


def burn(iterations):
    h = iterations | 1
    for _ in range(iterations):
        h ^= (h << 13) & 0xFFFFFFFFFFFFFFFF
        h ^= h >> 7
        h ^= (h << 17) & 0xFFFFFFFFFFFFFFFF
    return h


def sleeper(seconds):
    time.sleep(seconds)
    return os.getpid()


def pid(_):
    return os.getpid()


def log(line):
    print(f"[Python] {line}", file=sys.stderr, flush=True)


def timed(run):
    t = time.perf_counter()
    run()
    return time.perf_counter() - t


def median_of(reps, run):
    return statistics.median(timed(run) for _ in range(reps))


def paired(reps, sequential, pool):
    """Sequential and pool runs alternated (load drift hits both alike): median times and median per-pair ratio."""
    seq, par = [], []
    for _ in range(reps):
        seq.append(timed(sequential))
        par.append(timed(pool))
    return statistics.median(seq), statistics.median(par), statistics.median(s / p for s, p in zip(seq, par))


def calibrate():
    n = 200_000
    burn(n)
    best = min(timed(lambda: burn(n)) for _ in range(3))
    return n / (best * 1e6)  # iterations per microsecond


def main():
    quick = "--quick" in sys.argv
    reps = 3 if quick else 5
    out = {"python": sys.version.split()[0], "reps": reps, "joblib": joblib.__version__ if joblib else None}
    per_us = calibrate()

    ready = {}
    samples = []
    for _ in range(reps):
        t = time.perf_counter()
        with cf.ProcessPoolExecutor(2) as ex:
            list(ex.map(noop, [0, 1]))
            samples.append((time.perf_counter() - t) * 1e3)
    ready["ProcessPoolExecutor"] = statistics.median(samples)
    samples = []
    for _ in range(reps):
        t = time.perf_counter()
        with mp.Pool(2) as pool:
            pool.map(noop, [0, 1])
            samples.append((time.perf_counter() - t) * 1e3)
    ready["Pool"] = statistics.median(samples)
    if joblib:
        samples = []
        for _ in range(reps):
            from joblib.externals.loky import get_reusable_executor
            get_reusable_executor().shutdown(wait=True)
            t = time.perf_counter()
            joblib.Parallel(n_jobs=2)(joblib.delayed(noop)(i) for i in range(2))
            samples.append((time.perf_counter() - t) * 1e3)
        ready["joblib"] = statistics.median(samples)
    out["ready_ms"] = ready
    log(f"pool of 2 to first results: {ready}")

    two_ms = int(per_us * 2_000)
    cpu_items = [two_ms] * (50 if quick else 100)
    noop_n = {"Pool": 200_000, "ProcessPoolExecutor": 20_000, "joblib": 100_000}
    with mp.Pool(2) as pool, cf.ProcessPoolExecutor(2) as ex:
        runners = {
            "Pool": lambda items, f: pool.map(f, items),
            "ProcessPoolExecutor": lambda items, f: list(ex.map(f, items)),
        }
        if joblib:
            par = joblib.Parallel(n_jobs=2)
            runners["joblib"] = lambda items, f: par(joblib.delayed(f)(i) for i in items)
        noop_ns, cpu = {}, {}
        sequential = median_of(reps, lambda: [burn(i) for i in cpu_items])
        cpu["Sequential"] = {"seconds": sequential, "item_ms": sequential * 1e3 / len(cpu_items)}
        seq_cpu = lambda: [burn(i) for i in cpu_items]
        for name, run in runners.items():
            n = noop_n[name] // (4 if quick else 1)
            items = list(range(n))
            run(items[:1000], noop)
            noop_ns[name] = median_of(reps, lambda: run(items, noop)) * 1e9 / n
            log(f"no-op, default chunking, {name}: {noop_ns[name]:.0f} ns per item")
            run(cpu_items[:4], burn)
            _, seconds, speedup = paired(reps, seq_cpu, lambda: run(cpu_items, burn))
            cpu[name] = {"seconds": seconds, "speedup": speedup}
            log(f"~2 ms CPU items, {name}: {speedup:.2f}x")
        out["noop_ns"] = noop_ns
        out["cpu"] = cpu

        sweep = []
        for micros in (0.25, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500):
            iterations = max(1, int(per_us * micros))
            count = int(min(max(150_000 / micros, 500), 100_000))
            work = [iterations] * count
            seq, _, ratio = paired(reps, lambda: [burn(i) for i in work], lambda: pool.map(burn, work))
            sweep.append({"item_us": seq * 1e6 / count, "nominal_us": micros, "speedup": ratio})
            log(f"break-even sweep, Pool.map: {seq * 1e6 / count:.1f} us items: {ratio:.2f}x")
        out["sweep"] = sweep

    crash = []
    for _ in range(reps):
        ex = cf.ProcessPoolExecutor(1)
        worker = ex.submit(pid, 0).result()
        future = ex.submit(sleeper, 60)
        time.sleep(0.3)
        t = time.perf_counter()
        os.kill(worker, signal.SIGKILL)
        try:
            future.result(timeout=30)
        except Exception:  # BrokenProcessPool: the whole executor is unusable afterwards
            crash.append((time.perf_counter() - t) * 1e3)
        ex.shutdown(wait=False, cancel_futures=True)
    out["crash_ms"] = statistics.median(crash)
    log(f"crash detected (ProcessPoolExecutor, broken afterwards): {out['crash_ms']:.1f} ms")
    print(json.dumps(out))


if __name__ == "__main__":
    main()
