"""clonus.analyze on the sample recordings' arrays against bin/clonus analyze --format json on the files."""

import json
import unittest

import numpy as np

from support import SAMPLES, TOLERANCE, assert_matches_cli, cli_json, read_csv, round7, round_time

import clonus


def kind_of(names):
    """The signal type the CLI infers from these sample columns (acc_x, acc_y, acc_z or emg_...)."""
    return "acc" if all(n.startswith("acc") for n in names) else "emg"


def samples_of(names, cols):
    """The array clonus.analyze takes: 1-D for EMG, N x 3 for an accelerometer."""
    return cols[0] if kind_of(names) == "emg" else np.column_stack(cols)


class SampleRecordingsTest(unittest.TestCase):
    """Every sample recording, read into NumPy, gives what the CLI gives for the file."""

    @classmethod
    def setUpClass(cls):
        cls.files = sorted(SAMPLES.glob("*.csv"))
        cls.cli = {rec["file"]: rec for rec in cli_json(*cls.files)}

    def test_the_samples_are_there(self):
        self.assertGreaterEqual(len(self.files), 4, f"sample recordings in {SAMPLES}")
        self.assertEqual(sorted(self.cli), sorted(map(str, self.files)), "one CLI record per file")
        # the comparison below must see beats and episodes, not only empty results
        self.assertTrue(any(r["beatCount"] > 0 for r in self.cli.values()))
        self.assertTrue(any(r["type"] == "ACC" for r in self.cli.values()))

    def test_same_classification_beats_and_frequency_as_the_cli(self):
        for f in self.files:
            with self.subTest(f.name):
                names, fs, cols = read_csv(f)
                cli = self.cli[str(f)]
                r = clonus.analyze(samples_of(names, cols), fs, kind_of(names), label=cli["channel"])
                self.assertEqual(r["classification"], cli["classification"])
                self.assertEqual(r["beatCount"], cli["beatCount"])
                self.assertEqual(len(r.beat_times), cli["beatCount"])
                expected_t = np.array([b["timeS"] for b in cli["beats"]])
                expected_a = np.array([b["amplitude"] for b in cli["beats"]])
                got_t = np.array([round_time(t) for t in r.beat_times])
                got_a = np.array([round7(a) for a in r.beat_amplitudes])
                self.assertLessEqual(np.max(np.abs(got_t - expected_t), initial=0.0), TOLERANCE, "beat times")
                self.assertLessEqual(np.max(np.abs(got_a - expected_a), initial=0.0), TOLERANCE, "amplitudes")
                self.assertEqual(list(r.beat_episodes), [b["episode"] for b in cli["beats"]])
                if cli["frequencyHz"] is None:
                    self.assertIsNone(r["frequencyHz"])
                else:
                    self.assertLessEqual(abs(round7(r["frequencyHz"]) - cli["frequencyHz"]), TOLERANCE)
                self.assertEqual(r.methods, cli["methods"])

    def test_every_key_as_the_cli_has_it(self):
        for f in self.files:
            with self.subTest(f.name):
                names, fs, cols = read_csv(f)
                cli = self.cli[str(f)]
                r = clonus.analyze(samples_of(names, cols), fs, kind_of(names), label=cli["channel"])
                self.assertIsNone(r["file"])
                assert_matches_cli(self, r, cli)
                self.assertEqual(tuple(r), clonus.KEYS)
                # plain Python values: the record survives a JSON round trip unchanged
                self.assertEqual(json.loads(json.dumps(r)), dict(r))


class LayoutTest(unittest.TestCase):
    """The documented array layouts give the same analysis."""

    def test_accelerometer_n_by_3_3_by_n_and_lists(self):
        names, fs, cols = read_csv(SAMPLES / "acc_triaxial.csv")
        n_by_3 = np.column_stack(cols)
        a = clonus.analyze(n_by_3, fs, "acc")
        self.assertGreater(a["beatCount"], 0)
        for other in (n_by_3.T, np.asfortranarray(n_by_3), n_by_3.tolist(), [c.tolist() for c in cols]):
            b = clonus.analyze(other, fs, "acc")
            self.assertEqual(dict(b), dict(a))
            np.testing.assert_array_equal(b.beat_times, a.beat_times)

    def test_one_emg_channel_as_1d_column_row_and_list(self):
        _, fs, cols = read_csv(SAMPLES / "emg_sustained.csv")
        x = cols[0]
        a = clonus.analyze(x, fs)
        self.assertGreater(a["beatCount"], 0)
        for other in (x[:, None], x[None, :], x.tolist(), x.astype(np.float64)):
            self.assertEqual(dict(clonus.analyze(other, fs, "EMG")), dict(a))

    def test_a_single_accelerometer_axis_as_the_cli_analyses_one_channel(self):
        f = SAMPLES / "acc_triaxial.csv"
        names, fs, cols = read_csv(f)
        (cli,) = cli_json("--channels", names[0], "--type", "acc", f)
        for x in (cols[0], cols[0][:, None], cols[0][None, :]):
            r = clonus.analyze(x, fs, "acc", label=names[0])
            self.assertEqual(r["type"], "ACC")
            assert_matches_cli(self, r, cli)

    def test_two_accelerometer_axes(self):
        f = SAMPLES / "acc_triaxial.csv"
        names, fs, cols = read_csv(f)
        (cli,) = cli_json("--channels", ",".join(names[:2]), "--type", "acc", f)
        r = clonus.analyze(np.column_stack(cols[:2]), fs, "acc", label=cli["channel"])
        assert_matches_cli(self, r, cli)


class SettingsTest(unittest.TestCase):
    """Detector settings reach the Java DetectorConfig."""

    def test_band_rule_and_mains_as_the_cli_options(self):
        cases = [
            ("emg_sustained.csv", dict(band=(4, 9), rule="scats", mains=50), ["--band", "4-9", "--rule", "scats", "--mains", "50"]),
            ("emg_unsustained.csv", dict(rule=3, mains="off"), ["--rule", "beats:3", "--mains", "off"]),
            ("emg_tonic.csv", dict(rule="tardieu", mains=60), ["--rule", "tardieu", "--mains", "60"]),
            ("acc_triaxial.csv", dict(band=(3.5, 8.5), rule="beats:30"), ["--band", "3.5-8.5", "--rule", "beats:30"]),
        ]
        for name, settings, options in cases:
            with self.subTest(name, **{k: str(v) for k, v in settings.items()}):
                f = SAMPLES / name
                names, fs, cols = read_csv(f)
                (cli,) = cli_json(*options, f)
                r = clonus.analyze(samples_of(names, cols), fs, kind_of(names), label=cli["channel"], **settings)
                assert_matches_cli(self, r, cli)

    def test_a_setting_changes_the_result(self):
        # beats:3 makes the 4-beat episode of emg_unsustained.csv sustained; the default (beats:5) does not
        names, fs, cols = read_csv(SAMPLES / "emg_unsustained.csv")
        default = clonus.analyze(cols[0], fs)
        three = clonus.analyze(cols[0], fs, rule=3)
        self.assertEqual(default["rule"], "beats:5")
        self.assertEqual(three["rule"], "beats:3")
        self.assertGreater(default["beatCount"], 0)
        for r, sustained_from in ((default, 5), (three, 3)):
            for e in r["episodes"]:
                self.assertEqual(e["classification"], "SUSTAINED" if e["beatCount"] >= sustained_from else "UNSUSTAINED")
        self.assertNotEqual(default["classification"], three["classification"])

    def test_settings_the_cli_does_not_take(self):
        _, fs, cols = read_csv(SAMPLES / "emg_sustained.csv")
        r = clonus.analyze(cols[0], fs, emg_band=(30, 400), emg_filter_order=2, floor_window_s=10,
                           min_beats=4, mains_probe_s=2, envelope_cutoff_hz=25, max_episode_evidence_s=30,
                           axis_time_constant_s=0.5)
        self.assertEqual(r["conditioning"]["filterLowHz"], 30.0)
        self.assertEqual(r["conditioning"]["filterHighHz"], 400.0)
        self.assertEqual(r["conditioning"]["filterOrder"], 2)
        self.assertIn("order 2", r.methods)
        self.assertIn("preceding 10 s", r.methods)
        self.assertIn("low-pass filtered at 25 Hz", r.methods)
        self.assertIn("A chain of at least 4 beats", r.methods)
        self.assertTrue(all(e["beatCount"] >= 4 for e in r["episodes"]))
        # None keeps the default
        self.assertEqual(dict(clonus.analyze(cols[0], fs, band=None, rule=None)), dict(clonus.analyze(cols[0], fs)))


if __name__ == "__main__":
    unittest.main()
