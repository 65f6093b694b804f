#!/usr/bin/env python3
"""Batch fuzz of the command line: mutated CSV/TSV/EDF/BDF recordings through `bin/clonus analyze`.

Run from the repository root after `mvn package` (bin/clonus builds the jar if needed):

    python3 src/test/scripts/fuzz_cli.py [--cases 3000] [--batch 100] [--seed 1] [--keep DIR]

Each batch holds mutated files and two intact recordings (a CSV sample and an EDF made from it). For every
batch it checks what the command promises for a batch of bad inputs:
  * no stack trace and no Java exception name on standard error, no hang (a time limit per batch);
  * exit status 0 (everything analysed) or 1 (some input failed), never anything else;
  * every input appears in the JSON output: an object with "error" for each failed file or channel, and each
    such object has its one line `clonus: FILE: message` on standard error (warnings aside);
  * the intact recordings give exactly the results they give when analysed alone.
It prints a tally of outcomes by mutation kind and exits non-zero if any check failed. The mutations are
seeded, so a failing case can be reproduced with the same --seed and kept with --keep.
"""
import argparse
import collections
import json
import os
import random
import shutil
import struct
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
TOOL = os.path.join(REPO, "bin", "clonus")
SAMPLE = os.path.join(REPO, "sample-signals", "emg_sustained.csv")


def read_sample():
    names, rows = None, []
    with open(SAMPLE, encoding="utf-8") as f:
        for line in f:
            s = line.strip()
            if not s or s.startswith("#"):
                continue
            if names is None:
                names = s.split(",")
            else:
                rows.append([float(c) for c in s.split(",")])
    return names, rows


def write_edf(path, label, fs, samples, bdf=False):
    """A minimal EDF (or BDF) of one signal, 1 s records, 16-bit (24-bit) samples."""
    n_rec = len(samples) // int(fs)
    spr = int(fs)
    lo, hi = min(samples), max(samples)
    pmin, pmax = lo - 1, hi + 1
    dmin, dmax = (-8388608, 8388607) if bdf else (-32768, 32767)

    def field(v, width):
        return str(v).ljust(width)[:width].encode("ascii")

    head = b"\xffBIOSEMI" if bdf else field("0", 8)
    head += field("X X X X", 80) + field("Startdate 01-JAN-2024 X X X", 80)
    head += field("01.01.24", 8) + field("00.00.00", 8) + field(256 * 2, 8)
    head += field("24BIT" if bdf else "", 44) + field(n_rec, 8) + field(1, 8) + field(1, 4)
    head += field(label, 16) + field("", 80) + field("uV", 8) + field(f"{pmin:.3f}", 8) + field(f"{pmax:.3f}", 8)
    head += field(dmin, 8) + field(dmax, 8) + field("", 80) + field(spr, 8) + field("", 32)
    body = bytearray()
    scale = (dmax - dmin) / (pmax - pmin)
    for v in samples[: n_rec * spr]:
        d = int(round((v - pmin) * scale + dmin))
        d = max(dmin, min(dmax, d))
        body += d.to_bytes(3, "little", signed=True) if bdf else struct.pack("<h", d)
    with open(path, "wb") as f:
        f.write(head + bytes(body))


def csv_text(names, rows, sep=",", comma=False):
    out = [sep.join(names)]
    for r in rows:
        cells = [repr(v) for v in r]
        if comma:
            cells = [c.replace(".", ",") for c in cells]
        out.append(sep.join(cells))
    return "\n".join(out) + "\n"


def mutate_text(rng, text):
    """One damaged text recording and the name of the damage."""
    lines = text.split("\n")
    kind = rng.choice(["flip", "truncate", "delimiter", "junk-line", "nan", "huge", "time-back", "time-repeat",
                       "quote", "bom-crlf", "binary", "empty", "header", "long-line", "column-count",
                       "decimal-comma", "java-number"])
    if kind == "flip":
        b = bytearray(text.encode())
        for _ in range(rng.randint(1, 20)):
            b[rng.randrange(len(b))] = rng.randrange(256)
        return kind, bytes(b)
    if kind == "truncate":
        return kind, text.encode()[: rng.randrange(len(text))]
    if kind == "delimiter":
        i = rng.randrange(1, len(lines) - 1)
        lines[i] = lines[i].replace(",", rng.choice([";", "\t", " ", ",,", ""]), 1)
    elif kind == "junk-line":
        lines.insert(rng.randrange(1, len(lines)), rng.choice(["abc,def", "1,2,3,4", ",", "--", "\x00\x01"]))
    elif kind == "nan":
        i = rng.randrange(1, len(lines) - 1)
        lines[i] = lines[i].split(",")[0] + "," + rng.choice(["NaN", "nan", "Infinity", "-inf", ""])
    elif kind == "huge":
        i = rng.randrange(1, len(lines) - 1)
        lines[i] = lines[i].split(",")[0] + "," + rng.choice(["1e308", "9e999", "-1e400", "1e-400"])
    elif kind == "time-back":
        i = rng.randrange(2, len(lines) - 1)
        lines[i], lines[i - 1] = lines[i - 1], lines[i]
    elif kind == "time-repeat":
        i = rng.randrange(2, len(lines) - 1)
        lines[i] = lines[i - 1].split(",")[0] + "," + lines[i].split(",")[1]
    elif kind == "quote":
        i = rng.randrange(0, len(lines) - 1)
        lines[i] = '"' + lines[i]
    elif kind == "bom-crlf":
        return kind, ("\ufeff" + "\r\n".join(lines)).encode()
    elif kind == "binary":
        return kind, bytes(rng.randrange(256) for _ in range(rng.randint(1, 5000)))
    elif kind == "empty":
        return kind, rng.choice([b"", b"\n\n", b"# only a comment\n", b"time,EMG\n"])
    elif kind == "header":
        lines[0] = rng.choice(["", "time", "time,time", "NaN,1d", "time,", ",EMG", "t [ms],EMG", "x" * 5000])
    elif kind == "long-line":
        return kind, (text[:200] + "7" * (1 << 21)).encode()
    elif kind == "column-count":
        i = rng.randrange(1, len(lines) - 1)
        lines[i] += rng.choice([",1", ",1,2", ""])
    elif kind == "decimal-comma":
        return kind, csv_text(*read_sample(), sep=rng.choice([";", ","]), comma=True).encode()
    elif kind == "java-number":
        i = rng.randrange(1, len(lines) - 1)
        lines[i] = lines[i].split(",")[0] + "," + rng.choice(["1.5d", "2f", "0x1p3", "1_000", "+-1"])
    return kind, "\n".join(lines).encode()


EDF_FIELDS = [(184, 8, "header bytes"), (236, 8, "records"), (244, 8, "record duration"), (252, 4, "signals"),
              (256 + 104, 8, "physical min"), (256 + 112, 8, "physical max"), (256 + 120, 8, "digital min"),
              (256 + 128, 8, "digital max"), (256 + 216, 8, "samples per record"), (168, 8, "start date"),
              (176, 8, "start time"), (192, 44, "reserved")]
EDF_VALUES = ["99999999", "-1", "0", "", "abc", "1e308", "NaN", "-99999999", "2147483648", "00000001", "0.000001",
              "EDF+D", "EDF+C", "99.99.99"]


def mutate_edf(rng, data):
    kind = rng.choice(["field", "field", "truncate", "flip", "append"])
    b = bytearray(data)
    if kind == "field":
        off, width, name = rng.choice(EDF_FIELDS)
        b[off:off + width] = rng.choice(EDF_VALUES).ljust(width)[:width].encode("ascii")
        return "edf " + name, bytes(b)
    if kind == "truncate":
        return "edf truncate", bytes(b[: rng.randrange(len(b))])
    if kind == "flip":
        for _ in range(rng.randint(1, 10)):
            b[rng.randrange(min(len(b), 600))] = rng.randrange(256)
        return "edf flip", bytes(b)
    return "edf append", bytes(b) + bytes(rng.randrange(256) for _ in range(rng.randint(1, 999)))


def run(files, timeout):
    cmd = [TOOL, "analyze", "--format", "json", "--quiet", *files]
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=REPO)
    except subprocess.TimeoutExpired:
        return None
    return p


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", type=int, default=3000)
    ap.add_argument("--batch", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=600, help="seconds per batch")
    ap.add_argument("--keep", help="keep the generated files in this folder")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    work = a.keep or tempfile.mkdtemp(prefix="clonus-fuzz-")
    os.makedirs(work, exist_ok=True)
    names, rows = read_sample()
    text = csv_text(names, rows)
    fs = round((len(rows) - 1) / (rows[-1][0] - rows[0][0]))
    good_csv = os.path.join(work, "good.csv")
    with open(good_csv, "w", encoding="utf-8") as f:
        f.write(text)
    good_edf = os.path.join(work, "good.edf")
    write_edf(good_edf, names[1], fs, [r[1] for r in rows])
    good_bdf = os.path.join(work, "good.bdf")
    write_edf(good_bdf, names[1], fs, [r[1] for r in rows], bdf=True)
    with open(good_edf, "rb") as f:
        edf_bytes = f.read()
    with open(good_bdf, "rb") as f:
        bdf_bytes = f.read()
    alone = {}
    for g in (good_csv, good_edf):
        p = run([g], a.timeout)
        alone[g] = [json.loads(line) for line in p.stdout.split("\n") if line.strip()]
    tally = collections.Counter()
    problems = []
    n = 0
    batch_no = 0
    while n < a.cases:
        batch_no += 1
        files, kinds = [good_csv], {}
        for _ in range(min(a.batch, a.cases - n)):
            n += 1
            r = rng.random()
            if r < 0.55:
                kind, data = mutate_text(rng, text)
                ext = rng.choice([".csv", ".tsv", ".txt"])
            elif r < 0.85:
                kind, data = mutate_edf(rng, edf_bytes)
                ext = ".edf"
            else:
                kind, data = mutate_edf(rng, bdf_bytes)
                kind, ext = kind.replace("edf", "bdf", 1), ".bdf"
            path = os.path.join(work, f"case{n:05d}{ext}")
            with open(path, "wb") as f:
                f.write(data)
            files.append(path)
            kinds[path] = kind
        files.append(good_edf)
        p = run(files, a.timeout)
        if p is None:
            problems.append(f"batch {batch_no}: no answer within {a.timeout} s")
            continue
        if p.returncode not in (0, 1):
            problems.append(f"batch {batch_no}: exit status {p.returncode}")
        if "Exception" in p.stderr or "\tat " in p.stderr or "Error:" in p.stderr:
            problems.append(f"batch {batch_no}: a Java exception on stderr:\n" + p.stderr[:2000])
        objs = [json.loads(line) for line in p.stdout.split("\n") if line.strip()]
        by_file = collections.defaultdict(list)
        for o in objs:
            by_file[o["file"]].append(o)
        errors = [ln for ln in p.stderr.split("\n") if ln.startswith("clonus: ") and ": warning: " not in ln]
        for f in files:
            got = by_file.get(f, [])
            if not got:
                problems.append(f"{f}: no output row")
                continue
            failed = [o for o in got if "error" in o]
            lines = [ln for ln in errors if ln.startswith(f"clonus: {f}: ")]
            if len(lines) != len(failed):
                problems.append(f"{f}: {len(failed)} error rows but {len(lines)} stderr lines")
            if f in kinds:
                outcome = "refused" if failed and len(failed) == len(got) else "partly" if failed else "analysed"
                tally[(kinds[f], outcome)] += 1
        for g in (good_csv, good_edf):
            if by_file.get(g) != alone[g]:
                problems.append(f"batch {batch_no}: {os.path.basename(g)} differs from its run alone")
        if not a.keep:
            for f in files:
                if f not in (good_csv, good_edf):
                    os.remove(f)
    print(f"{n} mutated files in {batch_no} batches (+2 intact recordings per batch)")
    kinds = sorted({k for k, _ in tally})
    for k in kinds:
        print(f"  {k:24s} refused {tally[(k, 'refused')]:4d}  partly {tally[(k, 'partly')]:4d}"
              f"  analysed {tally[(k, 'analysed')]:4d}")
    if not a.keep:
        shutil.rmtree(work, ignore_errors=True)
    if problems:
        print(f"{len(problems)} problem(s):")
        for pr in problems[:50]:
            print("  " + pr)
        sys.exit(1)
    print("no stack trace, no hang, status 0/1, every input in the output with its stderr line,"
          " intact recordings identical to their runs alone")


if __name__ == "__main__":
    main()
