"""clonus.analyze_file against bin/clonus analyze --format json on the same files."""

import unittest

import numpy as np

from support import SAMPLES, cli_json

import clonus


class AnalyzeFileTest(unittest.TestCase):

    def assert_same_records(self, results, cli):
        self.assertEqual(len(results), len(cli))
        for r, c in zip(results, cli):
            self.assertIsInstance(r, clonus.Result)
            self.assertEqual(list(r.keys()), list(c.keys()))
            self.assertEqual(dict(r), c)
            np.testing.assert_array_equal(r.beat_times, [b["timeS"] for b in c["beats"]])
            np.testing.assert_array_equal(r.beat_amplitudes, [b["amplitude"] for b in c["beats"]])
            np.testing.assert_array_equal(r.beat_episodes, [b["episode"] for b in c["beats"]])
            self.assertEqual(r.methods, c["methods"])

    def test_every_sample_file_as_the_cli(self):
        files = sorted(SAMPLES.glob("*.csv"))
        self.assertGreaterEqual(len(files), 4)
        cli = cli_json(*files)
        results = [r for f in files for r in clonus.analyze_file(f)]
        self.assertTrue(any(r["beatCount"] > 0 for r in results))
        self.assert_same_records(results, cli)

    def test_options_as_the_cli(self):
        acc = SAMPLES / "acc_triaxial.csv"
        emg = SAMPLES / "emg_sustained.csv"
        cases = [
            (emg, dict(band=(4, 9), rule="scats", mains=50), ["--band", "4-9", "--rule", "scats", "--mains", "50"]),
            (emg, dict(rule=3, mains="off", fs=1000.0), ["--rule", "beats:3", "--mains", "off", "--fs", "1000.0"]),
            (acc, dict(channels=["acc_x", "acc_z"], kind="acc"), ["--channels", "acc_x,acc_z", "--type", "acc"]),
            (acc, dict(channels="acc_y", kind="ACC", band=(3.5, 8.5)), ["--channels", "acc_y", "--type", "acc", "--band", "3.5-8.5"]),
            (emg, dict(channels=["emg_soleus"], kind="emg"), ["--channels", "emg_soleus", "--type", "emg"]),
        ]
        for path, kwargs, options in cases:
            with self.subTest(path.name, options=" ".join(options)):
                self.assert_same_records(clonus.analyze_file(path, **kwargs), cli_json(*options, path))

    def test_a_directory_is_searched_as_by_the_cli(self):
        self.assert_same_records(clonus.analyze_file(SAMPLES), cli_json(SAMPLES))


if __name__ == "__main__":
    unittest.main()
