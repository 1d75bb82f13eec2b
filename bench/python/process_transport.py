#!/usr/bin/env python3
"""Python's peers of bench/ProcessPoolTransport: the same transport-level figures for multiprocessing.Pool and
concurrent.futures.ProcessPoolExecutor. Standard library only; prints one line per figure (medians).

    python3 bench/python/process_transport.py [--quick]

- pool of 2 ready: creation until the first result of a no-op (Python starts workers lazily, so this is what a
  script pays before its first item);
- no-op items by chunksize 1/16/256/4096: ns per item through Pool.map and ProcessPoolExecutor.map on a warm pool of 2;
- crash detected after SIGKILL: a worker running a long item is killed; time until the executor reports it
  (ProcessPoolExecutor raises BrokenProcessPool and the whole executor is unusable afterwards; Pool.map never returns,
  python/cpython#96062, so it is not measured).
"""
import concurrent.futures as cf
import multiprocessing as mp
import os
import signal
import statistics
import sys
import time


def noop(x):
    return x


def sleeper(seconds):
    time.sleep(seconds)
    return os.getpid()


def pid(_):
    return os.getpid()


def main():
    quick = "--quick" in sys.argv
    reps = 3 if quick else 7
    print(f"Python {sys.version.split()[0]} process transport ({os.cpu_count()} cores, {reps} repetitions, medians)")

    ready = []
    for _ in range(reps):
        t = time.perf_counter()
        with cf.ProcessPoolExecutor(2) as ex:
            list(ex.map(noop, [0, 1]))
            ready.append((time.perf_counter() - t) * 1e3)
    print(f"ProcessPoolExecutor of 2, first results: {statistics.median(ready):.1f} ms")

    with mp.Pool(2) as pool, cf.ProcessPoolExecutor(2) as ex:
        pool.map(noop, range(100))
        list(ex.map(noop, range(100)))
        for chunk in (1, 16, 256, 4096):
            total = {1: 2_000, 16: 20_000}.get(chunk, 200_000) // (2 if quick else 1)
            items = range(total)
            for name, run in (("Pool.map", lambda: pool.map(noop, items, chunksize=chunk)),
                              ("ProcessPoolExecutor.map", lambda: list(ex.map(noop, items, chunksize=chunk)))):
                samples = []
                for _ in range(reps):
                    t = time.perf_counter()
                    run()
                    samples.append((time.perf_counter() - t) * 1e9 / total)
                print(f"no-op items, chunksize {chunk:4}, {name}: {statistics.median(samples):9.0f} ns per item")

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
        except Exception:  # BrokenProcessPool
            crash.append((time.perf_counter() - t) * 1e3)
        ex.shutdown(wait=False, cancel_futures=True)
    print(f"crash detected after SIGKILL (ProcessPoolExecutor, executor broken afterwards): {statistics.median(crash):.1f} ms")


if __name__ == "__main__":
    main()
