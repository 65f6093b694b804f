#!/usr/bin/env python3
"""Reference values for clonus's DSP tests, computed with numpy and scipy.

Writes ``src/test/resources/io/clonus/dsp/scipy-reference.json``, which the tests read from the
test classpath (``src/test/java/io/clonus/dsp/ReferenceData.java``). One parameterised test case
is run per entry by FilterReferenceTest (Butterworth SOS designs, ``sosfilt_zi``, ``sosfilt``,
``sosfiltfilt`` and its default pad length, ``freqz_sos`` magnitudes), SpectrumReferenceTest
(``welch``, ``periodogram``), PeakFinderReferenceTest (``find_peaks``, ``peak_prominences``) and
MiscReferenceTest (``iirnotch`` with ``lfilter``, the normalised autocorrelation, the Hilbert
envelope). ReferenceFileTest checks the stamp written here and, when python3 on the PATH has the
numpy and scipy versions named in the stamp, that running this script again gives the same values
(otherwise that one check is skipped and says why).

Regenerate, from the repository root (needs numpy and scipy):

    python3 src/test/scripts/make_dsp_reference.py

then run ``mvn -B -ntp verify`` and commit the script and the JSON together. ``--output PATH``
writes elsewhere (ReferenceFileTest uses it to compare without touching the committed file).
Regenerating with the same numpy and scipy changes only the date in the stamp.

How the file is made
    * Every stored value is the result of evaluating the text stored beside it (``evaluate``
      below runs exactly that text), so the call a test names is the call that produced its
      expected values.
    * The inputs are made here from a seeded generator and then rounded to multiples of a power
      of two (2**-16). They are stored as those integer multiples ("counts" and "exponent"), so
      the Java side rebuilds bit-identical doubles (count * 2**exponent is exact) and the file
      stays small. scipy is run on the rounded signals.
    * The stamp ("generator") names this script, the command, Python, numpy, scipy and the date,
      as Apache Commons Statistics stamps its reference files.
    * Numbers are written with Python's shortest round-trip repr, so the Java parser reads back
      exactly the doubles scipy returned. Each array is on one line, so a diff after an upgrade
      shows which arrays moved.
"""
import argparse
import datetime
import json
import os
import platform
import sys

import numpy as np
import scipy
import scipy.signal

SCRIPT = "src/test/scripts/make_dsp_reference.py"
RESOURCE = "src/test/resources/io/clonus/dsp/scipy-reference.json"
COMMAND = "python3 " + SCRIPT
SEED = 20250117
EXPONENT = -16  # inputs are integer multiples of 2**EXPONENT


def evaluate(code, **names):
    """Runs ``code`` (statements separated by '; ', the last one an expression) with numpy as
    ``np``, ``scipy`` and the given names, and returns the value of the last expression."""
    namespace = {"np": np, "scipy": scipy, **names}
    *statements, expression = code.split("; ")
    for statement in statements:
        exec(statement, namespace)
    return eval(expression, namespace)


def floats(a):
    """A numpy array (any shape) as nested lists of Python floats, refusing NaN and infinity."""
    a = np.asarray(a, dtype=np.float64)
    if not np.all(np.isfinite(a)):
        raise ValueError("non-finite reference value")
    return a.tolist()


def ints(a):
    return [int(v) for v in np.asarray(a).ravel()]


# ---------------------------------------------------------------------------------------------
# Inputs: seeded, then rounded to multiples of 2**EXPONENT so both sides hold the same doubles.

def rounded(x):
    counts = np.rint(np.ldexp(x, -EXPONENT)).astype(np.int64)
    assert np.all(np.abs(counts) < 2**53)
    return counts, np.ldexp(counts.astype(np.float64), EXPONENT)


def emg_like(rng, fs, n, hum_hz):
    """Surface-EMG-like: noise in 6 Hz bursts on a tonic floor, mains hum, drift and an offset."""
    t = np.arange(n) / fs
    bursts = (0.5 + 0.5 * np.cos(2 * np.pi * 6.0 * t)) ** 4
    return (rng.standard_normal(n) * (0.15 + bursts) + 0.3 * np.sin(2 * np.pi * hum_hz * t + 0.4)
            + 0.6 * np.sin(2 * np.pi * 0.4 * t) + 1.5)


def motion_like(rng, fs, n):
    """Accelerometer-like: gravity, a 6.3 Hz oscillation that grows, slow sway and sensor noise."""
    t = np.arange(n) / fs
    grow = np.minimum(1.0, t / (0.4 * t[-1]))
    return (1.0 + 0.3 * grow * np.sin(2 * np.pi * 6.3 * t) + 0.1 * np.sin(2 * np.pi * 0.25 * t + 1.0)
            + 0.05 * rng.standard_normal(n))


def rhythm_like(rng, fs, n):
    """A detection-envelope-like signal: a 6.3 Hz rhythm around 1 with noise and a 1.1 Hz sway."""
    t = np.arange(n) / fs
    return 1.0 + np.sin(2 * np.pi * 6.3 * t) + 0.1 * np.sin(2 * np.pi * 1.1 * t) + 0.5 * rng.standard_normal(n)


INPUT_SPECS = [
    # name, sample rate, samples, maker, description (made in this order from one generator)
    ("emg1000", 1000, 1000, lambda rng, fs, n: emg_like(rng, fs, n, 60.0), "EMG-like, 1 s, 60 Hz hum"),
    ("emg2000", 2000, 1200, lambda rng, fs, n: emg_like(rng, fs, n, 50.0), "EMG-like, 0.6 s, 50 Hz hum"),
    ("emg4000", 4000, 1600, lambda rng, fs, n: emg_like(rng, fs, n, 50.0), "EMG-like, 0.4 s, 50 Hz hum"),
    ("motion100", 100, 800, motion_like, "accelerometer-like, 8 s, 6.3 Hz oscillation"),
    ("motion200", 200, 600, motion_like, "accelerometer-like, 3 s, 6.3 Hz oscillation"),
    ("rhythm100", 100, 3000, rhythm_like, "envelope-like, 30 s, 6.3 Hz rhythm in noise"),
]


def make_inputs():
    """The signals (name -> array) and their entries in the file (name -> fs and counts)."""
    rng = np.random.default_rng(SEED)
    inputs, entries = {}, {}
    for name, fs, n, make, description in INPUT_SPECS:
        counts, x = rounded(make(rng, float(fs), n))
        inputs[name] = x
        entries[name] = dict(description=description, fs=fs, exponent=EXPONENT, counts=ints(counts))
    return inputs, entries


# ---------------------------------------------------------------------------------------------
# Butterworth designs and filtering

DESIGNS = [
    # order, Wn, btype, fs, input
    (4, [20, 450], "bandpass", 2000, "emg2000"),   # EMG default band
    (4, [20, 450], "bandpass", 1000, "emg1000"),
    (2, [20, 450], "bandpass", 4000, "emg4000"),
    (1, [20, 450], "bandpass", 2000, "emg2000"),
    (4, 10, "lowpass", 2000, "emg2000"),            # envelope smoothing
    (4, 30, "lowpass", 1000, "emg1000"),
    (4, 20, "highpass", 2000, "emg2000"),
    (3, [45, 55], "bandstop", 1000, "emg1000"),
    (2, [1.5, 20], "bandpass", 100, "motion100"),   # accelerometer conditioning (default band)
    (2, [3, 12], "bandpass", 200, "motion200"),
    (4, [5, 8], "bandpass", 100, "motion100"),
    (8, [3, 12], "bandpass", 100, "motion100"),
    (2, 0.5, "highpass", 100, "motion100"),
    (1, 5, "lowpass", 100, "motion100"),
    (5, 40, "lowpass", 200, "motion200"),
]


def default_padlen(sos):
    """sosfiltfilt's default padlen, as its source computes it: 3 * (2 * n_sections + 1 - the
    smaller count of sections whose b2, a2 is 0). Checked against scipy's behaviour below."""
    return int(3 * (2 * len(sos) + 1 - min((sos[:, 2] == 0).sum(), (sos[:, 5] == 0).sum())))


def filter_entries(inputs):
    filters = []
    for order, wn, btype, fs, input_name in DESIGNS:
        x = inputs[input_name]
        design = f"scipy.signal.butter({order}, {wn!r}, btype={btype!r}, fs={fs}, output='sos')"
        sos = evaluate(design)
        zi_call = "scipy.signal.sosfilt_zi(sos)"
        sosfilt_call = "scipy.signal.sosfilt(sos, x)"
        filtfilt_call = "scipy.signal.sosfiltfilt(sos, x)"
        filtfilt = evaluate(filtfilt_call, sos=sos, x=x)
        padlen = default_padlen(sos)
        # it is scipy's default: the same output with it given explicitly, another with one more
        assert np.array_equal(filtfilt, scipy.signal.sosfiltfilt(sos, x, padlen=padlen)), design
        assert not np.array_equal(filtfilt, scipy.signal.sosfiltfilt(sos, x, padlen=padlen + 1)), design
        edges = [float(wn)] if np.isscalar(wn) else [float(w) for w in wn]
        # pass band, cut-offs and stop bands, away from the exact zeros at 0 Hz and Nyquist
        freqs = sorted({1.0, 6.0, *edges, fs / 4, 0.4 * fs})
        response_call = f"np.abs(scipy.signal.freqz_sos(sos, worN={freqs!r}, fs={fs})[1])"
        filters.append(dict(
            design=design, where=f"sos = {design}, x = inputs.{input_name}", order=order, btype=btype,
            cutoffHz=edges, fs=fs, input=input_name,
            sos=floats(sos),
            sosfilt_zi=dict(call=zi_call, values=floats(evaluate(zi_call, sos=sos))),
            sosfilt=dict(call=sosfilt_call, values=floats(evaluate(sosfilt_call, sos=sos, x=x))),
            sosfiltfilt=dict(call=filtfilt_call, values=floats(filtfilt)),
            sosfiltfilt_padlen=dict(
                call="default padlen of scipy.signal.sosfiltfilt(sos, x)",
                formula="3 * (2 * len(sos) + 1 - min((sos[:, 2] == 0).sum(), (sos[:, 5] == 0).sum()))",
                value=padlen),
            response=dict(call=response_call, freqHz=freqs, values=floats(evaluate(response_call, sos=sos)))))
    return filters


# ---------------------------------------------------------------------------------------------
# Notch filters (mains, and a harmonic as the mains canceller designs them)

NOTCHES = [
    # w0, Q, fs, input
    (50.0, 30.0, 2000.0, "emg2000"),
    (60.0, 30.0, 1000.0, "emg1000"),
    (150.0, 30.0, 4000.0, "emg4000"),
]


def notch_entries(inputs):
    notch = []
    for w0, q, fs, input_name in NOTCHES:
        design = f"scipy.signal.iirnotch({w0!r}, {q!r}, fs={fs!r})"
        b, a = evaluate(design)
        lfilter_call = "scipy.signal.lfilter(b, a, x)"
        notch.append(dict(
            design=design, where=f"b, a = {design}, x = inputs.{input_name}", w0=w0, Q=q, fs=fs,
            input=input_name, b=floats(b), a=floats(a),
            lfilter=dict(call=lfilter_call, values=floats(evaluate(lfilter_call, b=b, a=a, x=inputs[input_name])))))
    return notch


# ---------------------------------------------------------------------------------------------
# Spectra

SPECTRA = [
    # kind, input, parameters
    ("welch", "rhythm100", dict(nperseg=256, noverlap=128)),
    ("welch", "rhythm100", dict(nperseg=400, noverlap=200)),
    ("welch", "rhythm100", dict(nperseg=512, noverlap=384)),
    ("welch", "rhythm100", dict(nperseg=300, noverlap=0)),
    ("welch", "emg2000", dict(nperseg=512, noverlap=256)),
    ("periodogram", "rhythm100", {}),
    ("periodogram", "emg1000", {}),
    ("periodogram", "rhythm100", dict(start=250, stop=650, nfft=1024)),
    ("periodogram", "motion100", dict(start=101, stop=356, nfft=256)),
]


def spectrum_entries(inputs, input_entries):
    spectra = []
    for kind, input_name, p in SPECTRA:
        fs = input_entries[input_name]["fs"]
        if kind == "welch":
            call = (f"scipy.signal.welch(x, fs={fs}, window='hann', nperseg={p['nperseg']}, "
                    f"noverlap={p['noverlap']}, detrend='constant', scaling='density')")
        elif "nfft" in p:
            call = (f"scipy.signal.periodogram(x[{p['start']}:{p['stop']}], fs={fs}, window='hann', "
                    f"nfft={p['nfft']}, detrend='constant', scaling='density')")
        else:
            call = f"scipy.signal.periodogram(x, fs={fs}, window='hann', detrend='constant', scaling='density')"
        f, psd = evaluate(call, x=inputs[input_name])
        # the test compares every bin relative to itself, so none may be (nearly) zero
        assert psd.min() > 1e-12 * psd.max(), call
        spectra.append(dict(call=call, where=f"x = inputs.{input_name}", kind=kind, input=input_name, fs=fs, **p,
                            freqHz=floats(f), psd=floats(psd)))
    return spectra


# ---------------------------------------------------------------------------------------------
# Peaks (the conditions PeakFinder supports: minimum height, distance, prominence, width)

PEAKS = [
    ("rhythm100", dict()),
    ("rhythm100", dict(distance=10)),
    ("rhythm100", dict(prominence=1.0)),
    ("rhythm100", dict(height=1.5, distance=12)),
    ("rhythm100", dict(prominence=0.8, width=2)),
    ("rhythm100", dict(width=3.5)),
    ("rhythm100", dict(height=0.5, distance=5, prominence=0.3, width=1.5)),
    ("motion100", dict(prominence=0.2)),
    ("motion100", dict(distance=14, height=1.1)),
]


def check_no_distance_ties(x, distance):
    """find_peaks' distance condition removes lower peaks first; equal heights are ordered by
    numpy's sort, which the Java side need not reproduce. Refuse inputs with such ties."""
    local = scipy.signal.find_peaks(x)[0]
    for i, p in enumerate(local):
        for q in local[i + 1:]:
            if q - p >= distance:
                break
            assert x[p] != x[q], f"tied peak heights at {p} and {q}"


def peak_entries(inputs):
    peaks = []
    for input_name, kw in PEAKS:
        x = inputs[input_name]
        if "distance" in kw:
            check_no_distance_ties(x, kw["distance"])
        arguments = "".join(f", {k}={v!r}" for k, v in kw.items())
        call = f"scipy.signal.find_peaks(x{arguments})[0]"
        indices = evaluate(call, x=x)
        assert len(indices) > 0, call
        prominence_call = "scipy.signal.peak_prominences(x, peaks)[0]"
        peaks.append(dict(
            call=call, where=f"x = inputs.{input_name}", input=input_name, args=kw, indices=ints(indices),
            prominences=dict(call=prominence_call, where=f"peaks = {call}, x = inputs.{input_name}",
                             values=floats(evaluate(prominence_call, x=x, peaks=indices)))))
    return peaks


# ---------------------------------------------------------------------------------------------
# Autocorrelation (biased, normalised to 1 at lag 0, of the demeaned signal or segment); the
# lags are chosen so that Autocorrelation.normalized takes its direct path for two cases and its
# FFT path for the other two

AUTOCORRELATIONS = [
    # input, start, stop, largest lag
    ("rhythm100", 0, 3000, 60),
    ("emg1000", 0, 1000, 500),
    ("motion200", 100, 550, 150),
    ("rhythm100", 1000, 1400, 80),
]


def autocorrelation_entries(inputs):
    out = []
    for input_name, start, stop, max_lag in AUTOCORRELATIONS:
        segment = "x" if (start, stop) == (0, len(inputs[input_name])) else f"x[{start}:{stop}]"
        call = (f"y = {segment} - np.mean({segment}); "
                f"np.correlate(y, y, mode='full')[len(y) - 1:len(y) + {max_lag}] / np.dot(y, y)")
        out.append(dict(call=call, where=f"x = inputs.{input_name}", input=input_name, start=start, stop=stop,
                        maxLag=max_lag, values=floats(evaluate(call, x=inputs[input_name]))))
    return out


# ---------------------------------------------------------------------------------------------
# Hilbert envelope (a power of two, an odd and an even length)

HILBERTS = [
    # input, start, stop
    ("emg2000", 0, 1024),
    ("emg1000", 1, 1000),
    ("motion100", 100, 700),
]


def hilbert_entries(inputs):
    out = []
    for input_name, start, stop in HILBERTS:
        call = f"np.abs(scipy.signal.hilbert(x[{start}:{stop}]))"
        out.append(dict(call=call, where=f"x = inputs.{input_name}", input=input_name, start=start, stop=stop,
                        values=floats(evaluate(call, x=inputs[input_name]))))
    return out


# ---------------------------------------------------------------------------------------------

def document():
    inputs, input_entries = make_inputs()
    return {
        "generator": dict(
            script=SCRIPT, command=COMMAND, python=platform.python_version(), numpy=np.__version__,
            scipy=scipy.__version__, date=datetime.datetime.now(datetime.timezone.utc).date().isoformat(),
            note="Generated file: do not edit. Regenerate with the command above from the repository root."),
        "inputs": input_entries,
        "filters": filter_entries(inputs),
        "notch": notch_entries(inputs),
        "spectra": spectrum_entries(inputs, input_entries),
        "peaks": peak_entries(inputs),
        "autocorrelation": autocorrelation_entries(inputs),
        "hilbert": hilbert_entries(inputs),
    }


def write(value, out, indent=0):
    """JSON with objects indented and every array of numbers on a single line."""
    pad = "  " * indent
    if isinstance(value, dict):
        out.write("{\n")
        items = list(value.items())
        for i, (k, v) in enumerate(items):
            out.write(pad + "  " + json.dumps(k) + ": ")
            write(v, out, indent + 1)
            out.write(",\n" if i + 1 < len(items) else "\n")
        out.write(pad + "}")
    elif isinstance(value, list) and any(isinstance(v, dict) for v in value):
        out.write("[\n")
        for i, v in enumerate(value):
            out.write(pad + "  ")
            write(v, out, indent + 1)
            out.write(",\n" if i + 1 < len(value) else "\n")
        out.write(pad + "]")
    else:
        out.write(json.dumps(value, separators=(",", ":"), allow_nan=False))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    parser.add_argument("--output", default=os.path.join(root, RESOURCE),
                        help="where to write the JSON (default: the test resource, " + RESOURCE + ")")
    path = parser.parse_args().output
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        write(document(), out)
        out.write("\n")
    print(f"wrote {path} ({os.path.getsize(path)} bytes; numpy {np.__version__}, scipy {scipy.__version__})",
          file=sys.stderr)


if __name__ == "__main__":
    main()
