"""Bad input gives a Python exception with the Java library's message, never a Java stack trace."""

import os
import shutil
import subprocess
import sys
import tempfile
import traceback
import unittest
import zipfile
from pathlib import Path

import numpy as np

from support import PYTHON_DIR, SAMPLES

import clonus


def java_message(signal_factory):
    """The message of the InvalidSignalException the Java detector throws for a signal, called directly."""
    import jpype

    clonus.start_jvm()
    detector = jpype.JClass("io.clonus.detect.ClonusDetector").create()
    try:
        detector.analyze(signal_factory(jpype.JClass("io.clonus.detect.Signal")))
    except jpype.JClass("io.clonus.detect.InvalidSignalException") as e:
        return str(e.getMessage())
    raise AssertionError("the Java detector accepted the signal")


class BadSamplesTest(unittest.TestCase):

    def setUp(self):
        self.rng = np.random.default_rng(7)
        self.x = self.rng.standard_normal(4000)

    def assert_clean(self, e):
        """No Java exception chained or shown: the traceback is Python's alone."""
        self.assertIsNone(e.__cause__)
        self.assertTrue(e.__context__ is None or e.__suppress_context__)
        text = "".join(traceback.format_exception(type(e), e, e.__traceback__))
        self.assertNotIn(".java", text)
        self.assertNotIn("io.clonus", text)
        self.assertNotIn("Exception:", text.replace("ValueError:", ""))

    def test_nan_gives_the_java_message(self):
        x = self.x.copy()
        x[1234] = np.nan
        with self.assertRaises(ValueError) as c:
            clonus.analyze(x, 1000)
        self.assertEqual(str(c.exception), java_message(lambda S: S.emg("", 1000.0, x)))
        self.assertIn("NaN", str(c.exception))
        self.assert_clean(c.exception)

    def test_infinite_sample_names_the_channel(self):
        x = self.x.copy()
        x[10] = np.inf
        with self.assertRaises(ValueError) as c:
            clonus.analyze(x, 1000, label="soleus")
        self.assertEqual(str(c.exception), java_message(lambda S: S.emg("soleus", 1000.0, x)))
        self.assertIn("soleus", str(c.exception))

    def test_nan_in_an_accelerometer_axis(self):
        xyz = self.rng.standard_normal((3, 400))
        xyz[2, 5] = np.nan
        with self.assertRaises(ValueError) as c:
            clonus.analyze(xyz.T, 100, "acc")
        self.assertEqual(str(c.exception), java_message(lambda S: S.acc("", 100.0, xyz)))

    def test_sample_rate_not_positive(self):
        for fs in (0, -1000, float("nan"), float("inf")):
            with self.subTest(fs=fs), self.assertRaises(ValueError) as c:
                clonus.analyze(self.x, fs)
            self.assertIn("sample rate must be a positive number of Hz", str(c.exception))
            self.assert_clean(c.exception)
        for fs in ("fast", None, [1, 2]):
            with self.subTest(fs=fs), self.assertRaises(ValueError) as c:
                clonus.analyze(self.x, fs)
            self.assertIn("fs", str(c.exception))

    def test_sample_rate_too_low_for_emg(self):
        with self.assertRaises(ValueError) as c:
            clonus.analyze(self.x, 200)
        self.assertEqual(str(c.exception), java_message(lambda S: S.emg("", 200.0, self.x)))

    def test_too_short_and_flat(self):
        for x in (self.x[:500], np.zeros(4000), np.array([])):
            with self.subTest(n=len(x), flat=not x.any()), self.assertRaises(ValueError) as c:
                clonus.analyze(x, 1000)
            self.assertEqual(str(c.exception), java_message(lambda S: S.emg("", 1000.0, x)))

    def test_wrong_shapes(self):
        cases = [
            (self.rng.standard_normal((2, 10, 400)), "emg", "1-D"),
            (self.rng.standard_normal((400, 5)), "acc", "shape (400, 5)"),
            (self.rng.standard_normal((6, 400)), "acc", "1-3 axes"),
            (self.rng.standard_normal((4000, 2)), "emg", "one channel"),   # the Java message
            (np.float64(3.0), "emg", "1-D"),
        ]
        for x, kind, words in cases:
            with self.subTest(shape=np.shape(x), kind=kind), self.assertRaises(ValueError) as c:
                clonus.analyze(x, 1000, kind)
            self.assertIn(words, str(c.exception))
            self.assert_clean(c.exception)

    def test_not_numbers(self):
        for x in (np.array(["a"] * 4000), self.x.astype(complex), np.array([object()] * 4000)):
            with self.subTest(dtype=x.dtype), self.assertRaises(ValueError):
                clonus.analyze(x, 1000)

    def test_unknown_kind(self):
        with self.assertRaises(ValueError) as c:
            clonus.analyze(self.x, 1000, "eeg")
        self.assertIn("'emg' or 'acc'", str(c.exception))


class BadSettingsTest(unittest.TestCase):

    def setUp(self):
        self.x = np.random.default_rng(3).standard_normal(4000)

    def test_refused_values_give_the_java_message(self):
        cases = [
            (dict(band=(8, 5)), "clonus band edges reversed"),
            (dict(band=(5, 30)), "above 20 Hz"),
            (dict(rule="sometimes"), "unknown classification rule 'sometimes'"),
            (dict(rule=1), "at least 2"),
            (dict(min_beats=1), "minBeats must be at least 2"),
            (dict(emg_band=(400, 20)), "EMG band edges reversed"),
            (dict(emg_filter_order=11), "emgFilterOrder must be 1-10"),
            (dict(envelope_cutoff_hz=10), "at least twice the band's high edge"),
            (dict(floor_window_s=-1), "floorWindowS must be a positive number"),
            (dict(mains=70), "mains must be 'auto', 'off', 50 or 60"),
        ]
        for settings, words in cases:
            with self.subTest(**{k: str(v) for k, v in settings.items()}), self.assertRaises(ValueError) as c:
                clonus.analyze(self.x, 1000, **settings)
            self.assertIn(words, str(c.exception))
            self.assertIsNone(c.exception.__cause__)

    def test_unknown_or_mistyped_settings(self):
        for settings in (dict(bandwidth=(5, 8)), dict(band=5), dict(min_beats=3.5), dict(floor_window_s="long")):
            with self.subTest(settings=str(settings)), self.assertRaises(TypeError):
                clonus.analyze(self.x, 1000, **settings)


class BadFilesTest(unittest.TestCase):

    def setUp(self):
        self.dir = Path(tempfile.mkdtemp())

    def tearDown(self):
        shutil.rmtree(self.dir)

    def test_missing_file(self):
        with self.assertRaises(FileNotFoundError):
            clonus.analyze_file(self.dir / "nothing.csv")

    def test_malformed_file_gives_the_cli_message(self):
        f = self.dir / "bad.csv"
        f.write_text("time,emg_soleus\n0,1\n0.001,nan\n0.002,3\n")
        with self.assertRaises(ValueError) as c:
            clonus.analyze_file(f)
        self.assertIn(str(f), str(c.exception))
        self.assertIn("line 3", str(c.exception))
        self.assertIn("'nan' is not a decimal number", str(c.exception))
        self.assertIsNone(c.exception.__cause__)

    def test_no_rate(self):
        f = self.dir / "norate.csv"
        f.write_text("emg_soleus\n" + "\n".join(str(v) for v in np.random.default_rng(1).standard_normal(3000)))
        with self.assertRaises(ValueError) as c:
            clonus.analyze_file(f)
        self.assertIn("no time column", str(c.exception))
        self.assertGreater(clonus.analyze_file(f, fs=1000)[0]["durationS"], 2.9)

    def test_refused_options(self):
        emg = SAMPLES / "emg_sustained.csv"
        for kwargs, words in ((dict(fs=-5), "positive"), (dict(band=(9, 3)), "reversed"),
                              (dict(rule="often"), "unknown classification rule"),
                              (dict(channels=["nope"]), "no channel named 'nope'"), (dict(kind="eeg"), "'emg' or 'acc'")):
            with self.subTest(**{k: str(v) for k, v in kwargs.items()}), self.assertRaises(ValueError) as c:
                clonus.analyze_file(emg, **kwargs)
            self.assertIn(words, str(c.exception))
            self.assertNotIn("Try '", str(c.exception))

    def test_settings_the_cli_does_not_take(self):
        with self.assertRaises(TypeError) as c:
            clonus.analyze_file(SAMPLES / "emg_sustained.csv", min_beats=4)
        self.assertIn("clonus.analyze", str(c.exception))


def run_python(code, **env):
    """Runs code in a fresh Python (a JVM starts once per process), the package on its path."""
    e = dict(os.environ)
    e.pop("CLONUS_JAR", None)
    e["PYTHONPATH"] = os.pathsep.join([str(PYTHON_DIR)] + ([os.environ["PYTHONPATH"]] if os.environ.get("PYTHONPATH") else []))
    e.update(env)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=e, timeout=300)


class SetupTest(unittest.TestCase):
    """The JVM and the jar: lazy start, and clear errors when something is missing."""

    def test_import_starts_no_jvm(self):
        p = run_python("import clonus, jpype\n"
                       "assert not jpype.isJVMStarted()\n"
                       "print(clonus.find_jar())\n"
                       "assert not jpype.isJVMStarted()\n"
                       "r = clonus.analyze_file(clonus.find_jar().parents[1] / 'sample-signals' / 'emg_sustained.csv')\n"
                       "assert jpype.isJVMStarted()\n")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertTrue(p.stdout.strip().endswith("-cli.jar"), p.stdout)

    def test_clonus_jar_not_a_file(self):
        p = run_python("import clonus; clonus.analyze([0.0] * 2000, 1000.0)", CLONUS_JAR="/nonexistent/clonus.jar")
        self.assertNotEqual(p.returncode, 0)
        last = p.stderr.strip().splitlines()[-1]
        self.assertTrue(last.startswith("clonus.JarNotFoundError: CLONUS_JAR=/nonexistent/clonus.jar"), p.stderr)
        self.assertIn("mvn -B -ntp -q -Dmaven.test.skip=true package", p.stderr)

    def test_no_jar_in_target_says_how_to_build_it(self):
        with tempfile.TemporaryDirectory() as d:
            shutil.copytree(PYTHON_DIR / "clonus", Path(d) / "python" / "clonus",
                            ignore=shutil.ignore_patterns("__pycache__"))
            p = run_python("import clonus; clonus.analyze([0.0] * 2000, 1000.0)", PYTHONPATH=str(Path(d) / "python"))
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("JarNotFoundError: the clonus jar is missing", p.stderr)
        self.assertIn("mvn -B -ntp -q -Dmaven.test.skip=true package", p.stderr)
        self.assertIn("CLONUS_JAR", p.stderr)

    def test_a_jar_without_clonus(self):
        with tempfile.TemporaryDirectory() as d:
            jar = Path(d) / "empty.jar"
            with zipfile.ZipFile(jar, "w") as z:
                z.writestr("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n")
            p = run_python("import clonus; clonus.analyze([0.0] * 2000, 1000.0)", CLONUS_JAR=str(jar))
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("RuntimeError", p.stderr)
        self.assertIn("clonus-<version>-cli.jar", p.stderr)

    def test_without_jpype(self):
        p = run_python("import sys; sys.modules['jpype'] = None\n"
                       "import clonus; clonus.analyze([0.0] * 2000, 1000.0)")
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("ImportError", p.stderr)
        self.assertIn("apt-get install -y python3-jpype", p.stderr)
        self.assertIn("pip install JPype1", p.stderr)


if __name__ == "__main__":
    unittest.main()
