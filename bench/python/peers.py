#!/usr/bin/env python3
"""Python's peers of ParallelGen on the runtime benchmark workloads: multiprocessing.Pool.map and
concurrent.futures.ProcessPoolExecutor.map, with a sequential loop as the baseline, plus the per-item dispatch cost
of a no-op function. Streaming uses Pool.imap_unordered (the peer of AsCompleted) and executor.map, chunks of
10,000, each in a fresh process whose peak resident-set growth is reported. Standard library only. Prints one JSON document on standard output.

    python3 bench/python/peers.py [--mode quick|full] [--workloads trivial,uniform,...]

Each figure is the wall time of one whole call as a user makes it, pool creation and shutdown included (that is
what a script pays; the dispatch figures separate the per-item cost). Pools are as wide as the machine for CPU
work; the I/O workloads use Pool(8) for the tutorial's four waits (as the tutorial does) and 64 workers for 1,000
waits, the width the .NET side gives its I/O executors.
"""
import argparse
import concurrent.futures as cf
import json
import multiprocessing as mp
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import workloads as w  # noqa: E402

CORES = os.cpu_count() or 1


def pool_chunksize(n, workers):
    """multiprocessing.Pool.map's default chunksize, used for ProcessPoolExecutor where its default of 1 would take
    hours over ten million items."""
    chunks, extra = divmod(n, workers * 4)
    return chunks + 1 if extra else max(chunks, 1)


def run_sequential(fn, items):
    return [fn(x) for x in items]


def run_pool(fn, items, workers, chunksize=None):
    with mp.Pool(workers) as pool:
        return pool.map(fn, items, chunksize)


def run_executor(fn, items, workers, chunksize=1):
    with cf.ProcessPoolExecutor(workers) as executor:
        return list(executor.map(fn, items, chunksize=chunksize))


def stream_sequential(n):
    total = 0
    for x in range(n):
        total += w.square(x)
    return total


def stream_pool(n, workers, chunksize):
    """Pool.imap_unordered: results as they complete, the Python peer of AsCompleted."""
    total = 0
    with mp.Pool(workers) as pool:
        for r in pool.imap_unordered(w.square, range(n), chunksize):
            total += r
    return total


def stream_executor(n, workers, chunksize):
    total = 0
    with cf.ProcessPoolExecutor(workers) as executor:
        for r in executor.map(w.square, range(n), chunksize=chunksize):
            total += r
    return total


def peak_rss_growth(call):
    """Runs call in a fresh process (fork) and returns (seconds, peak resident-set growth in bytes of that process
    and of its pool's worker processes, the largest of them)."""
    import resource

    def child(conn):
        import gc
        gc.collect()
        before = rss_bytes()
        start = time.perf_counter()
        call()
        seconds = time.perf_counter() - start
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 - before
        workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
        conn.send((seconds, own, workers))
        conn.close()

    ctx = mp.get_context("fork")
    parent, child_end = ctx.Pipe()
    p = ctx.Process(target=child, args=(child_end,))
    p.start()
    result = parent.recv()
    p.join()
    return result


def rss_bytes():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def streaming(mode):
    """imap_unordered / executor.map over a lazy range of ten million items, each result consumed as it arrives."""
    n = w.TRIVIAL_COUNT
    chunk = 10_000
    repeats = 1 if mode == "quick" else 3
    contenders = {
        "Sequential": lambda: stream_sequential(n),
        "PoolMap": lambda: stream_pool(n, CORES, chunk),
        "ProcessPoolExecutor": lambda: stream_executor(n, CORES, chunk),
    }
    out = {}
    for name, call in contenders.items():
        runs = [peak_rss_growth(call) for _ in range(repeats)]
        s = summary([r[0] for r in runs])
        s["peakGrowthBytes"] = statistics.median(r[1] for r in runs)
        s["workerPeakBytes"] = statistics.median(r[2] for r in runs)
        out[name] = s
    print("python Streaming: " + ", ".join(f"{k} {v['median']:.3f}s peak +{v['peakGrowthBytes'] / 2**20:.0f} MB" for k, v in out.items()), file=sys.stderr)
    return out


def measure(call, repeats, warmup=1):
    for _ in range(warmup):
        call()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return summary(times)


def summary(times):
    times = sorted(times)
    return {
        "median": statistics.median(times),
        "min": times[0],
        "max": times[-1],
        "n": len(times),
        "times": times,
    }


def workload_table(mode, chosen):
    repeats = 3 if mode == "quick" else 7
    io_repeats = 2 if mode == "quick" else 5
    per_us = w.calibrate()
    uniform = [(max(1, int(w.UNIFORM_MICROSECONDS * per_us)), i) for i in range(w.UNIFORM_COUNT)]
    skewed = [(max(1, int(us * per_us)), i) for i, us in enumerate(w.skewed_microseconds())]
    trivial = range(w.TRIVIAL_COUNT)
    trivial_chunk = pool_chunksize(w.TRIVIAL_COUNT, CORES)

    suites = {
        "Trivial": (w.square, trivial, CORES, trivial_chunk, repeats),
        "UniformCpu": (w.cpu_item, uniform, CORES, None, repeats),
        "SkewedCpu": (w.cpu_item, skewed, CORES, None, repeats),
        "FourWaits": (w.wait, w.FOUR_WAITS, 8, None, io_repeats),
        "ManyWaits": (w.wait, w.MANY_WAITS, 64, None, io_repeats),
    }
    results = {}
    for name, (fn, items, workers, chunk, n) in suites.items():
        if chosen and name not in chosen:
            continue
        # Sequential I/O takes 8-10 s a run: measured once.
        seq_n = n if name not in ("FourWaits", "ManyWaits") else 1
        results[name] = {
            "Sequential": measure(lambda: run_sequential(fn, items), seq_n, warmup=0 if seq_n == 1 else 1),
            "PoolMap": measure(lambda: run_pool(fn, items, workers, chunk), n, warmup=0),
            "ProcessPoolExecutor": measure(lambda: run_executor(fn, items, workers, chunk or 1), n, warmup=0),
        }
        print(f"python {name}: " + ", ".join(f"{k} {v['median']:.3f}s" for k, v in results[name].items()), file=sys.stderr)
    if not chosen or "Streaming" in chosen:
        results["Streaming"] = streaming(mode)
    return results, per_us


def dispatch_costs(mode):
    """Per-item cost of dispatching a no-op function, pools created beforehand (not timed)."""
    n = 20_000 if mode == "quick" else 100_000
    repeats = 3 if mode == "quick" else 7
    items = list(range(n))
    out = {}
    with mp.Pool(CORES) as pool:
        pool.map(w.nothing, items[:1000])
        for label, chunk in (("PoolMap chunksize=1", 1), ("PoolMap default chunksize", None)):
            s = measure(lambda: pool.map(w.nothing, items, chunk), repeats, warmup=0)
            out[label] = {k: (v / n if isinstance(v, float) else v) for k, v in s.items() if k != "times"}
    with cf.ProcessPoolExecutor(CORES) as executor:
        list(executor.map(w.nothing, items[:1000]))
        s = measure(lambda: list(executor.map(w.nothing, items)), repeats, warmup=0)
        out["ProcessPoolExecutor chunksize=1"] = {k: (v / n if isinstance(v, float) else v) for k, v in s.items() if k != "times"}
        s = measure(lambda: list(executor.map(w.nothing, items, chunksize=pool_chunksize(n, CORES))), repeats, warmup=0)
        out["ProcessPoolExecutor Pool's chunksize"] = {k: (v / n if isinstance(v, float) else v) for k, v in s.items() if k != "times"}
    for label, s in out.items():
        print(f"python dispatch {label}: {s['median'] * 1e6:.2f} us/item", file=sys.stderr)
    return {"items": n, "secondsPerItem": out}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mode", choices=["quick", "full"], default="quick")
    parser.add_argument("--workloads", default="", help="comma-separated suite names; empty means all")
    parser.add_argument("--no-dispatch", action="store_true")
    args = parser.parse_args()
    chosen = {s for s in args.workloads.split(",") if s}
    results, per_us = workload_table(args.mode, chosen)
    doc = {
        "python": sys.version.split()[0],
        "cores": CORES,
        "startMethod": mp.get_start_method(),
        "iterationsPerMicrosecond": per_us,
        "workloads": results,
    }
    if not args.no_dispatch:
        doc["dispatch"] = dispatch_costs(args.mode)
    json.dump(doc, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
