"""Helpers of the Python tests: the repository, the sample recordings, the CLI, and the CLI's rounding."""

import json
import math
import subprocess
import sys
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Context, Decimal
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "sample-signals"
PYTHON_DIR = REPO / "python"

# the package under test is the one in this repository, whatever else is installed
if str(PYTHON_DIR) not in sys.path:
    sys.path.insert(0, str(PYTHON_DIR))

#: Largest difference allowed between a value of clonus.analyze, rounded as the CLI rounds, and the CLI's.
TOLERANCE = 1e-9

_SEVEN = Context(prec=7, rounding=ROUND_HALF_UP)


def round7(x):
    """x rounded to seven significant digits as the CLI's JSON does (io.clonus.cli.Num.round:
    BigDecimal(x).round(new MathContext(7)), which rounds half up)."""
    if x == 0 or not math.isfinite(x):
        return x
    return float(_SEVEN.plus(Decimal(x)))


#: Keys whose values are times in seconds: the CLI writes them to the microsecond (io.clonus.analysis.Seconds:
#: BigDecimal.valueOf(x).setScale(6, HALF_EVEN)), not to seven significant digits.
TIME_KEYS = {"segmentStartS", "durationS", "clonusDurationS", "startS", "endS", "timeS"}


def round_time(x):
    """x rounded to the microsecond as the CLI's JSON writes times (half to even, from the shortest decimal
    text of the double, as BigDecimal.valueOf does)."""
    if x == 0 or not math.isfinite(x):
        return x
    return float(Decimal(repr(x)).quantize(Decimal("0.000001"), rounding=ROUND_HALF_EVEN))


def read_csv(path):
    """Reads a sample recording as the library's DelimitedText does: '#' lines skipped, a header row, a
    'time' column first.

    Returns:
        (names of the signal columns, sample rate in Hz, list of the columns as float64 arrays)
    """
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            s = line.strip()
            if s and not s.startswith("#"):
                rows.append(s.split(","))
    header, body = rows[0], rows[1:]
    assert header[0] == "time", f"{path}: the first column is {header[0]!r}, not time"
    data = np.array([[float(c) for c in r] for r in body], dtype=np.float64)
    t = data[:, 0]
    # the rate as DelimitedText.rateFromTime has it: 1 / ((last - first) / (rows - 1))
    fs = 1.0 / ((t[-1] - t[0]) / (len(t) - 1))
    return header[1:], fs, [np.ascontiguousarray(data[:, i]) for i in range(1, data.shape[1])]


def cli_json(*args):
    """Runs ``bin/clonus analyze --format json --methods --quiet ARGS`` and returns its records.

    bin/clonus runs the newest target/clonus-*-cli.jar, the jar clonus loads unless CLONUS_JAR says
    otherwise (PythonPackageIT sets CLONUS_JAR to that same jar).
    """
    cmd = [str(REPO / "bin" / "clonus"), "analyze", "--format", "json", "--methods", "--quiet", *map(str, args)]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    if p.returncode != 0:
        raise AssertionError(f"{' '.join(cmd)} failed with status {p.returncode}:\n{p.stderr}")
    return [json.loads(line) for line in p.stdout.splitlines() if line.strip()]


def assert_matches_cli(test, ours, cli, path="", skip=("file",)):
    """Asserts that a record of clonus.analyze (full precision) is the CLI's record: the same keys in the
    same order, equal strings, integers, booleans and nulls, and numbers equal to TOLERANCE once rounded
    as the CLI rounds."""
    if isinstance(cli, dict):
        test.assertIsInstance(ours, dict, path)
        test.assertEqual(list(ours.keys()), list(cli.keys()), f"keys of {path or 'the record'}")
        for k in cli:
            if k not in skip:
                assert_matches_cli(test, ours[k], cli[k], f"{path}.{k}" if path else k, ())
    elif isinstance(cli, list):
        test.assertIsInstance(ours, list, path)
        test.assertEqual(len(ours), len(cli), f"length of {path}")
        for i, (a, b) in enumerate(zip(ours, cli)):
            assert_matches_cli(test, a, b, f"{path}[{i}]", ())
    elif isinstance(cli, bool) or cli is None or isinstance(cli, str):
        test.assertIs(type(ours), type(cli), path)
        test.assertEqual(ours, cli, path)
    elif isinstance(cli, int):
        test.assertIsInstance(ours, (int, float), path)
        test.assertEqual(ours, cli, path)
    else:
        test.assertIsInstance(ours, float, path)
        key = path.rsplit(".", 1)[-1]
        rounded = round_time(ours) if key in TIME_KEYS else round7(ours)
        test.assertLessEqual(abs(rounded - cli), TOLERANCE, f"{path}: {ours} rounds to {rounded},"
                             f" the CLI says {cli}")
