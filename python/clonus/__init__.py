"""clonus: detects clonus in EMG and accelerometer recordings, from Python.

A thin wrapper around the Java library of this repository, called through JPype; the JVM starts once, on
the first call, with the jar named by ``$CLONUS_JAR`` or else the repository's
``target/clonus-<version>-cli.jar`` (build it with ``mvn -B -ntp -q -Dmaven.test.skip=true package``).

    >>> import clonus
    >>> r = clonus.analyze(emg, fs=2000)              # 1-D array, one EMG channel
    >>> r["classification"], r["beatCount"], r["frequencyHz"]
    >>> r.beat_times, r.beat_amplitudes               # NumPy arrays
    >>> r["episodes"][0]["startS"], r.methods
    >>> a = clonus.analyze(xyz, fs=100, kind="acc")   # N x 3 (or 3 x N) accelerometer axes
    >>> clonus.analyze_file("session.edf")            # a list, one Result per signal, as bin/clonus analyze

A result is a ``dict`` with the keys of one JSON record of ``clonus analyze --format json --methods``.
"""

from ._api import KEYS, SETTINGS, Result, analyze, analyze_file, run_cli
from ._jvm import JAR_ENV, JarNotFoundError, find_jar, start_jvm

__version__ = "0.1.0.dev0"

JarNotFoundError.__module__ = __name__  # shown as clonus.JarNotFoundError

__all__ = ["analyze", "analyze_file", "Result", "KEYS", "SETTINGS", "start_jvm", "find_jar", "run_cli",
           "JarNotFoundError", "JAR_ENV", "__version__"]
