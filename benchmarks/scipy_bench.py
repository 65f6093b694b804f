#!/usr/bin/env python3
"""scipy's sosfilt and sosfiltfilt of the detector's EMG band-pass, timed on the same 60 s of 2 kHz EMG that
the JMH benchmarks filter, and the performance table of one run.

    python3 benchmarks/scipy_bench.py                     # scipy figures only
    python3 benchmarks/scipy_bench.py --jmh target/jmh.json   # plus the table and the ratios to the targets

`mvn -Pbench -DskipTests verify` runs it after JMH with --jmh target/jmh.json. The input is
target/bench-emg60s.f64 (little-endian float64), which FilterBenchmark writes from the same simulated
record; without it a deterministic numpy signal of the same length is used. Scores are samples per second.
"""
import argparse
import datetime
import json
import os
import platform
import statistics
import sys
import time

import numpy as np
import scipy
import scipy.signal as sig

FS = 2000.0
N = 120_000  # 60 s at 2 kHz
INPUT = os.path.join("target", "bench-emg60s.f64")


def load_input():
    if os.path.exists(INPUT) and os.path.getsize(INPUT) == 8 * N:
        return np.fromfile(INPUT, dtype="<f8"), INPUT + " (the JMH input)"
    rng = np.random.default_rng(20251123)
    t = np.arange(N) / FS
    x = 100 + 5 * rng.standard_normal(N) + 8 * np.sin(2 * np.pi * 50 * t)
    return x, "numpy: seeded noise + 50 Hz hum (target/bench-emg60s.f64 not found)"


def time_it(f, seconds):
    """Calls f repeatedly for about `seconds` after a warm-up; returns samples/s per call."""
    for _ in range(5):
        f()
    rates = []
    end = time.perf_counter() + seconds
    while time.perf_counter() < end or len(rates) < 10:
        t0 = time.perf_counter()
        f()
        rates.append(N / (time.perf_counter() - t0))
    return rates


def cpu_model():
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def per_second(result):
    """JMH primary score converted to samples per second."""
    unit = result["primaryMetric"]["scoreUnit"]
    factor = {"ops/s": 1.0, "ops/ms": 1e3, "ops/us": 1e6, "ops/ns": 1e9}[unit]
    return result["primaryMetric"]["score"] * factor, result["primaryMetric"]["scoreError"] * factor


def fmt_rate(v):
    return f"{v / 1e6:,.1f} M"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--jmh", help="JMH JSON result (-rf json) of the same sitting")
    ap.add_argument("--seconds", type=float, default=3.0, help="timing per function (default 3)")
    args = ap.parse_args()

    x, source = load_input()
    sos = sig.butter(4, [20, 450], btype="bandpass", fs=FS, output="sos")
    scipy_rates = {
        "sosfilt": time_it(lambda: sig.sosfilt(sos, x), args.seconds),
        "sosfiltfilt": time_it(lambda: sig.sosfiltfilt(sos, x), args.seconds),
    }
    print(f"scipy {scipy.__version__}, numpy {np.__version__}, Python {platform.python_version()}; input {source}")
    for name, rates in scipy_rates.items():
        print(f"scipy.signal.{name:<12} butter(4, [20, 450], fs=2000) over {N} samples: "
              f"median {statistics.median(rates) / 1e6:.1f} M samples/s ({len(rates)} calls)")
    if not args.jmh:
        return 0
    if not os.path.exists(args.jmh):
        print(f"no JMH results at {args.jmh}", file=sys.stderr)
        return 0

    with open(args.jmh) as fh:
        results = json.load(fh)
    age_min = (time.time() - os.path.getmtime(args.jmh)) / 60
    if age_min > 30:
        print(f"WARNING: {args.jmh} is {age_min:.0f} minutes old: not the same sitting", file=sys.stderr)
    score = {}
    rows = []
    for r in results:
        name = r["benchmark"].rsplit(".", 2)
        short = name[-2] + "." + name[-1]
        params = r.get("params") or {}
        if params:
            short += "(" + ",".join(f"{k}={v}" for k, v in params.items()) + ")"
        v, err = per_second(r)
        alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
        # with @OperationsPerInvocation(samples) one op is one sample: B/op is bytes per sample
        alloc_per_sample = alloc["score"] if alloc else None
        score[short] = v
        rows.append((short, v, err, alloc_per_sample))
    first = results[0]
    print()
    print(f"Run: {datetime.datetime.fromtimestamp(os.path.getmtime(args.jmh)).strftime('%Y-%m-%d %H:%M')}, "
          f"{cpu_model()}, {os.cpu_count()} cores; JDK {first.get('vmVersion')} ({first.get('vmName')}); "
          f"JMH {first.get('jmhVersion')} {' '.join(first.get('jvmArgs', []))}, forks {first.get('forks')}, "
          f"warm-up {first.get('warmupIterations')} x {first.get('warmupTime')}, "
          f"measurement {first.get('measurementIterations')} x {first.get('measurementTime')}")
    print()
    print("| benchmark | samples/s | ± (99.9 %) | ns/sample | allocated B/sample |")
    print("|---|---:|---:|---:|---:|")
    for short, v, err, alloc in rows:
        a = "" if alloc is None else (f"{alloc:.3g}" if alloc >= 0.001 else "≈ 0")
        print(f"| {short} | {fmt_rate(v)} | {fmt_rate(err)} | {1e9 / v:.2f} | {a} |")
    for name, rates in scipy_rates.items():
        m = statistics.median(rates)
        print(f"| scipy.signal.{name} (Python, same input) | {fmt_rate(m)} | | {1e9 / m:.2f} | |")

    def ratio(line, num, den, target=None):
        if num not in score or den not in score:
            print(f"| {line} | missing | {'' if target is None else '≥ ' + str(target)} |")
            return
        r = score[num] / score[den]
        if target is None:
            print(f"| {line} | {r:.2f} | |")
        else:
            print(f"| {line} | {r:.2f} | ≥ {target}{'' if r >= target else ' (not reached)'} |")

    score["scipy.sosfiltfilt"] = statistics.median(scipy_rates["sosfiltfilt"])
    score["scipy.sosfilt"] = statistics.median(scipy_rates["sosfilt"])
    print()
    print("| ratio (same run) | value | aim |")
    print("|---|---:|---|")
    ratio("emgOffline60s / scipy sosfiltfilt", "DetectorBenchmark.emgOffline60s", "scipy.sosfiltfilt", 2.0)
    ratio("bandPassForward / iirjBandPass", "FilterBenchmark.bandPassForward", "FilterBenchmark.iirjBandPass", 2.0)
    ratio("emgOffline60s / bandPassForward", "DetectorBenchmark.emgOffline60s", "FilterBenchmark.bandPassForward", 0.30)
    for extra in ("emgOffline60sNoHum", "emgOffline1h", "emgStreamingSteadyState"):
        ratio(f"{extra} / bandPassForward", "DetectorBenchmark." + extra, "FilterBenchmark.bandPassForward")
    ratio("emgOffline60sNoHum / scipy sosfiltfilt", "DetectorBenchmark.emgOffline60sNoHum", "scipy.sosfiltfilt")
    ratio("bandPassForward / jdspBandPass", "FilterBenchmark.bandPassForward", "FilterBenchmark.jdspBandPass")
    ratio("bandPassForward / bandPassSectionBySection", "FilterBenchmark.bandPassForward",
          "FilterBenchmark.bandPassSectionBySection")
    ratio("bandPassForward / scipy sosfilt", "FilterBenchmark.bandPassForward", "scipy.sosfilt")
    ratio("bandPassZeroPhase / scipy sosfiltfilt", "FilterBenchmark.bandPassZeroPhase", "scipy.sosfiltfilt")
    allocs = {short: alloc for short, _, _, alloc in rows}
    a = allocs.get("DetectorBenchmark.emgOffline60s")
    if a is not None:
        # input bytes per sample are 8 (one double), so bytes per sample / 8 is allocation / input bytes
        print(f"| emgOffline60s allocation / input bytes | {a / 8:.2f} | ≤ 4{'' if a / 8 <= 4 else ' (not reached)'} |")
    a = allocs.get("DetectorBenchmark.emgStreamingSteadyState")
    if a is not None:
        print(f"| emgStreamingSteadyState allocation, B/sample | {a:.2g} | ≈ 0{'' if a < 0.01 else ' (not reached)'} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
