"""clonus.analyze and clonus.analyze_file: the Java detector on NumPy arrays and on files."""

import json
import math
import operator
import os

import numpy as np

from ._jvm import _start

#: The keys of one result, in the order of the CLI's JSON record (``clonus analyze --format json --methods``).
KEYS = ("file", "channel", "segment", "segmentStartS", "type", "unit", "sampleRateHz", "durationS",
        "classification", "beatCount", "frequencyHz", "scatsGrade", "clonusDurationS", "rule", "bandHz",
        "episodes", "beats", "spectralPeakHz", "autocorrelationHz", "rhythm", "conditioning", "warnings",
        "picture", "methods")


class Result(dict):
    """One analysed signal: a ``dict`` with the keys of one JSON record of
    ``clonus analyze --format json --methods`` (see ``KEYS``), plus NumPy views of the beats.

    Keys (times in seconds from the first sample, frequencies in Hz; ``None`` where the JSON has null)::

        file, channel, segment, segmentStartS, type ("EMG"/"ACC"), unit, sampleRateHz, durationS,
        classification ("SUSTAINED"/"UNSUSTAINED"/"NONE"), beatCount, frequencyHz (main episode),
        scatsGrade, clonusDurationS, rule, bandHz [lo, hi],
        episodes [{number, startS, endS, durationS, beatCount, frequencyHz, intervalCv, periodicity,
                   spectralHz, autocorrelationHz, classification, scatsGrade}],
        beats [{episode, timeS, amplitude}],
        spectralPeakHz, autocorrelationHz,
        rhythm {spectralPeakHz, autocorrelationHz, peakToMedian, agree, inBand},
        conditioning {filterLowHz, filterHighHz, mainsHz, mainsLinesHz, filterOrder, detectionRateHz, delayS},
        warnings [str], methods (str)

    Attributes:
        beat_times: beat times, s (float64 array, one per beat, in time order).
        beat_amplitudes: beat amplitudes in the signal's unit (float64 array).
        beat_episodes: the episode number (1, 2, ...) of each beat (int array).
        methods: the methods paragraph, with the values used and references.

    ``json.dumps(result)`` writes the record; the arrays are made from ``result["beats"]`` when the result
    is created.
    """

    def __init__(self, record):
        super().__init__(record)
        beats = self["beats"]
        self.beat_times = np.array([b["timeS"] for b in beats], dtype=np.float64)
        self.beat_amplitudes = np.array([b["amplitude"] for b in beats], dtype=np.float64)
        self.beat_episodes = np.array([b["episode"] for b in beats], dtype=np.int64)

    @property
    def methods(self):
        """The methods paragraph."""
        return self["methods"]

    def __repr__(self):
        return (f"Result(channel={self['channel']!r}, type={self['type']!r},"
                f" classification={self['classification']!r}, beatCount={self['beatCount']},"
                f" frequencyHz={self['frequencyHz']!r}, episodes={len(self['episodes'])})")


def _num(v):
    """A Java double as JSON would have it: a float, or None for NaN and infinity."""
    v = float(v)
    return v if math.isfinite(v) else None


def _opt(o):
    """A Java OptionalDouble as a float or None."""
    return _num(o.getAsDouble()) if o.isPresent() else None


def _record(r, channel, unit):
    """The JSON record of one ClonusResult, at full double precision (the CLI rounds to 7 digits)."""
    episodes = []
    beats = []
    for n, e in enumerate(r.episodes(), start=1):
        episodes.append({
            "number": n,
            "startS": _num(e.startS()),
            "endS": _num(e.endS()),
            "durationS": _num(e.durationS()),
            "beatCount": int(e.beatCount()),
            "frequencyHz": _num(e.frequencyHz()),
            "intervalCv": _num(e.intervalCv()),
            "periodicity": _num(e.periodicity()),
            "spectralHz": _opt(e.spectralHz()),
            "autocorrelationHz": _opt(e.autocorrelationHz()),
            "classification": str(e.classification().name()),
            "scatsGrade": int(e.scatsGrade()),
        })
        for b in e.beats():
            beats.append({"episode": n, "timeS": _num(b.timeS()), "amplitude": _num(b.amplitude())})
    config = r.config()
    m = r.rhythm()
    c = r.conditioning()
    return {
        "file": None,
        "channel": channel,
        "segment": None,
        "segmentStartS": None,
        "type": str(r.type().name()),
        "unit": unit,
        "sampleRateHz": _num(r.sampleRateHz()),
        "durationS": _num(r.durationS()),
        "classification": str(r.classification().name()),
        "beatCount": int(r.beatCount()),
        "frequencyHz": _opt(r.frequencyHz()),
        "scatsGrade": int(r.scatsGrade()),
        "clonusDurationS": _num(r.clonusDurationS()),
        "rule": str(config.rule().id()),
        "bandHz": [_num(config.bandLowHz()), _num(config.bandHighHz())],
        "episodes": episodes,
        "beats": beats,
        "spectralPeakHz": _opt(m.spectralPeakHz()),
        "autocorrelationHz": _opt(m.autocorrelationHz()),
        "rhythm": {
            "spectralPeakHz": _opt(m.spectralPeakHz()),
            "autocorrelationHz": _opt(m.autocorrelationHz()),
            "peakToMedian": _num(m.peakToMedian()),
            "agree": bool(m.agree()),
            "inBand": bool(m.inBand()),
        },
        "conditioning": {
            "filterLowHz": _num(c.filterLowHz()),
            "filterHighHz": _num(c.filterHighHz()),
            "mainsHz": _num(c.mainsHz()) if c.mainsHz() > 0 else None,  # no mains stage: null, as the CLI writes it
            "mainsLinesHz": [float(f) for f in c.mainsLinesHz()],
            "filterOrder": int(c.filterOrder()),
            "detectionRateHz": _num(c.detectionRateHz()),
            "delayS": _num(c.delayS()),
        },
        "warnings": [str(w) for w in r.warnings()],
        "picture": None,  # the CLI names the file it drew with --plot/--plot-dir; an array has none
        "methods": str(r.methods()),
    }


def _kind(kind):
    k = str(kind).strip().lower()
    if k not in ("emg", "acc"):
        raise ValueError(f"kind must be 'emg' or 'acc' (accelerometer or gyroscope), got {kind!r}")
    return k


def _axes(x):
    """The samples as a C-contiguous float64 array of shape (axes, samples)."""
    a = np.asarray(x)
    if np.iscomplexobj(a):
        raise ValueError("samples must be real numbers, got a complex array")
    if not (np.issubdtype(a.dtype, np.number) or a.dtype == np.bool_):
        raise ValueError(f"samples must be numbers, got an array of {a.dtype}")
    a = a.astype(np.float64, copy=False)
    if a.ndim == 1:
        a = a[np.newaxis, :]
    elif a.ndim == 2:
        rows, cols = a.shape
        if cols <= 3:
            a = a.T  # N x k: one column per axis, as in a table
        elif rows > 3:
            raise ValueError(f"a 2-D array holds 1-3 axes as N x k or k x N (k <= 3), got shape {a.shape}")
    else:
        raise ValueError(f"samples must be a 1-D array (or 2-D with 1-3 axes), got shape {a.shape}")
    return np.ascontiguousarray(a)


def _float(name, v):
    try:
        return float(v)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a number, got {v!r}") from None


def _int(name, v):
    try:
        return operator.index(v)
    except TypeError:
        raise TypeError(f"{name} must be a whole number, got {v!r}") from None


def _pair(name, v):
    try:
        lo, hi = v
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a pair (low, high) in Hz, got {v!r}") from None
    return _float(name, lo), _float(name, hi)


def _rule(j, v):
    if isinstance(v, str):
        return j.ClassificationRule.parse(v)
    return j.ClassificationRule.beats(_int("rule", v))


def _mains(j, v):
    names = {"auto": "AUTO", "off": "OFF", "none": "OFF", "50": "HZ_50", "60": "HZ_60"}
    key = str(int(v)) if isinstance(v, float) and v.is_integer() else str(v).strip().lower()
    if key not in names:
        raise ValueError(f"mains must be 'auto', 'off', 50 or 60, got {v!r}")
    return getattr(j.MainsSetting, names[key])


# Python name -> how it sets the DetectorConfig.Builder (the Java names are in the comments)
_SETTINGS = {
    "band": lambda j, b, v: b.band(*_pair("band", v)),                            # band(lo, hi)
    "rule": lambda j, b, v: b.rule(_rule(j, v)),                                  # rule(ClassificationRule)
    "min_beats": lambda j, b, v: b.minBeats(_int("min_beats", v)),                # minBeats
    "mains": lambda j, b, v: b.mains(_mains(j, v)),                               # mains(MainsSetting)
    "mains_probe_s": lambda j, b, v: b.mainsProbeS(_float("mains_probe_s", v)),
    "emg_band": lambda j, b, v: b.emgBand(*_pair("emg_band", v)),                 # emgBand(lo, hi)
    "emg_filter_order": lambda j, b, v: b.emgFilterOrder(_int("emg_filter_order", v)),
    "envelope_cutoff_hz": lambda j, b, v: b.envelopeCutoffHz(_float("envelope_cutoff_hz", v)),
    "floor_window_s": lambda j, b, v: b.floorWindowS(_float("floor_window_s", v)),
    "axis_time_constant_s": lambda j, b, v: b.axisTimeConstantS(_float("axis_time_constant_s", v)),
    "max_episode_evidence_s": lambda j, b, v: b.maxEpisodeEvidenceS(_float("max_episode_evidence_s", v)),
}

#: The detector settings clonus.analyze takes as keyword arguments.
SETTINGS = tuple(_SETTINGS)


def _config(j, settings):
    unknown = [k for k in settings if k not in _SETTINGS]
    if unknown:
        raise TypeError(f"unknown detector setting(s) {', '.join(map(repr, unknown))}; the settings are "
                        + ", ".join(SETTINGS))
    b = j.DetectorConfig.builder()
    for k, v in settings.items():
        if v is not None:  # None: the default
            _SETTINGS[k](j, b, v)
    return b.build()


def analyze(x, fs, kind="emg", *, label="", unit="a.u.", **settings):
    """Detects clonus in one signal held in an array.

    Args:
        x: the samples, any unit. EMG: a 1-D array (one channel; N x 1 and 1 x N are accepted too).
            Accelerometer or gyroscope: N x k (one column per axis, as in a table) or k x N, with k = 1, 2
            or 3 axes of one sensor; a 1-D array is a single axis. Of the two dimensions, the one of
            length 1-3 holds the axes (when both are, the rows are samples).
        fs: sample rate, Hz (EMG needs at least 500 Hz).
        kind: ``"emg"`` or ``"acc"`` (accelerometer or gyroscope).
        label: channel or sensor name; it becomes ``result["channel"]`` and prefixes error messages.
        unit: the samples' unit, for ``result["unit"]`` only.
        **settings: detector settings overriding the defaults (see ``SETTINGS``; None keeps the
            default): ``band=(5, 8)``,
            ``rule="beats:5"`` (or an int N for ``beats:N``, ``"scats"``, ``"tardieu"``), ``min_beats=3``,
            ``mains="auto"`` (``"off"``, 50, 60), ``mains_probe_s=4``, ``emg_band=(20, 450)``,
            ``emg_filter_order=4``, ``envelope_cutoff_hz``, ``floor_window_s=30``,
            ``axis_time_constant_s=1``, ``max_episode_evidence_s=60``.

    Returns:
        Result: a dict with the keys of one CLI JSON record, at full double precision (the CLI rounds
        to 7 significant digits, times to the microsecond); ``file``, ``segment``, ``segmentStartS`` and
        ``picture`` are None.

    Raises:
        ValueError: for samples or settings the detector refuses (NaN or infinite samples, too short, a
            sample rate that is not positive or too low, a flat line, reversed band edges...), with the
            Java library's message; also for an array that is not 1-D or 2-D with 1-3 axes.
        TypeError: for an unknown setting or a setting of the wrong type.
    """
    j = _start()
    k = _kind(kind)
    axes = _axes(x)
    try:
        rate = float(fs)
    except (TypeError, ValueError):
        raise ValueError(f"fs (the sample rate) must be a number of Hz, got {fs!r}") from None
    label = "" if label is None else str(label)
    try:
        config = _config(j, settings)
        signal = j.Signal.wrap(label, getattr(j.SignalType, k.upper()), rate, j.JArray(j.JDouble, 2)(axes))
        result = j.ClonusDetector.of(config).analyze(signal)
    except j.IllegalArgumentException as e:
        raise ValueError(str(e.getMessage())) from None
    except j.JException as e:
        raise RuntimeError(f"clonus failed: {e.getClass().getName()}: {e.getMessage()}") from None
    return Result(_record(result, label, str(unit)))


# settings the command line takes as options, and how
_FILE_OPTIONS = {
    "band": lambda v: ["--band", "%s-%s" % tuple(np.format_float_positional(f, trim="-") for f in _pair("band", v))],
    "rule": lambda v: ["--rule", v if isinstance(v, str) else f"beats:{_int('rule', v)}"],
    "mains": lambda v: ["--mains", str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)],
}


def analyze_file(path, *, kind=None, fs=None, channels=None, **settings):
    """Detects clonus in a recording file, exactly as ``clonus analyze --format json --methods`` does.

    This runs the command-line tool inside the JVM (``io.clonus.cli.Main.run``), so files are read, their
    channels chosen and grouped into sensors, and EDF+D segments split as the CLI does, and the results are
    the CLI's JSON records, numbers rounded to 7 significant digits, times to the microsecond.

    Args:
        path: a delimited text file (a ``time`` column gives the rate, else give ``fs``) or EDF/EDF+/BDF
            (``.edf``/``.bdf``); a directory is searched recursively, as by the CLI.
        kind: ``"emg"`` or ``"acc"`` for every chosen channel (``--type``); default: from the names.
        fs: sample rate of delimited text, Hz (``--fs``).
        channels: channel names or EDF labels to analyse (``--channels``); default: all EMG/ACC channels.
        **settings: only ``band``, ``rule`` and ``mains``, as for :func:`analyze` (the CLI's options);
            for the other settings read the samples and call :func:`analyze`.

    Returns:
        list[Result]: one per analysed signal (channel, sensor or EDF+D segment), in file order;
        ``result["file"]`` is the absolute path.

    Raises:
        FileNotFoundError: the path does not exist.
        ValueError: the file, a channel or an option is refused (the CLI's message, one line each).
        TypeError: a setting the CLI does not take.
    """
    p = os.path.abspath(os.fspath(path))
    if not os.path.exists(p):
        raise FileNotFoundError(2, "no such file", p)
    unknown = [k for k in settings if k not in _FILE_OPTIONS]
    if unknown:
        raise TypeError(f"analyze_file takes only the settings {', '.join(_FILE_OPTIONS)} (the command line's"
                        f" options), not {', '.join(map(repr, unknown))}; read the samples and call"
                        " clonus.analyze(x, fs, kind, ...) for those")
    args = ["analyze", "--format", "json", "--methods", "--quiet"]
    if kind is not None:
        args += ["--type", _kind(kind)]
    if fs is not None:
        args += ["--fs", repr(_float("fs", fs))]
    if channels is not None:
        names = [channels] if isinstance(channels, str) else [str(c) for c in channels]
        args += ["--channels", ",".join(names)]
    for k, v in settings.items():
        if v is not None:
            args += _FILE_OPTIONS[k](v)
    args += ["--", p]
    out, err, status = run_cli(args)
    if status != 0:
        lines = [ln for ln in err.splitlines() if ln.strip() and not ln.startswith("Try '")]
        raise ValueError("\n".join(lines) or f"clonus analyze failed with status {status}")
    return [Result(json.loads(line)) for line in out.splitlines() if line.strip()]


def run_cli(args):
    """Runs the command-line tool in this process's JVM: ``run_cli(["analyze", "--format", "json", f])``.

    Returns:
        (stdout, stderr, exit status): the texts the tool wrote and its status (0 success, 1 some input
        failed, 2 usage error).
    """
    j = _start()
    out, err = j.ByteArrayOutputStream(), j.ByteArrayOutputStream()
    try:
        status = j.Main.run(j.JArray(j.JString)([str(a) for a in args]), j.PrintStream(out, True, "UTF-8"),
                            j.PrintStream(err, True, "UTF-8"))
    except j.JException as e:
        raise RuntimeError(f"clonus failed: {e.getClass().getName()}: {e.getMessage()}") from None
    return str(out.toString("UTF-8")), str(err.toString("UTF-8")), int(status)
