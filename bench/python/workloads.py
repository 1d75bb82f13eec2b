"""The workloads of the runtime benchmarks, as bench/ParallelGen.Benchmarks defines them (Workloads/Inputs.cs).

CPU costs are given in microseconds and turned into loop iterations by a calibration of this interpreter, so
"about 2 ms of arithmetic" means 2 ms in Python as it does in C#: the same wall-clock work, not the same loop.
Functions are top level so that worker processes can unpickle them.
"""
import math
import time

TRIVIAL_COUNT = 10_000_000
UNIFORM_COUNT = 256
UNIFORM_MICROSECONDS = 2_000.0
SKEWED_COUNT = 1024
SKEWED_ALPHA = 1.5
SKEWED_SCALE_MICROSECONDS = 350.0
FOUR_WAITS = [2.0] * 4
MANY_WAITS = [0.010] * 1_000

_MASK = (1 << 64) - 1


def spin(iterations, seed):
    """xorshift arithmetic, as Cpu.Spin in C#."""
    x = ((seed * 0x9E3779B97F4A7C15) | 1) & _MASK
    for _ in range(iterations):
        x ^= (x << 13) & _MASK
        x ^= x >> 7
        x ^= (x << 17) & _MASK
    return x


def calibrate():
    """Loop iterations per microsecond of the thread's CPU time (time.thread_time, so a loaded machine does not
    shrink the items): the best of several runs."""
    probe = 300_000
    spin(probe, 1)
    best = math.inf
    for round_ in range(9):
        start = time.thread_time()
        spin(probe, round_)
        best = min(best, time.thread_time() - start)
    return probe / (best * 1e6)


def skewed_microseconds(count=SKEWED_COUNT):
    """Pareto quantiles at (i + 0.5) / n, ascending: the heaviest items come last."""
    return [SKEWED_SCALE_MICROSECONDS * (1.0 - (i + 0.5) / count) ** (-1.0 / SKEWED_ALPHA) for i in range(count)]


def square(x):
    return x * x


def nothing(x):
    return x


def cpu_item(args):
    """One CPU item: (iterations, seed)."""
    iterations, seed = args
    return spin(iterations, seed)


def wait(seconds):
    time.sleep(seconds)
    return seconds
