#!/usr/bin/env python3
"""Reference values for the agreement statistics of ``clonus evaluate``, computed with numpy and scipy.

Writes ``src/test/resources/io/clonus/evaluate/agreement-reference.json``, which
``src/test/java/io/clonus/evaluate/AgreementReferenceTest.java`` reads from the test classpath: for every
case it runs ``io.clonus.evaluate.Statistics`` on the same inputs and compares.

Regenerate, from the repository root (needs numpy and scipy):

    python3 src/test/scripts/make_agreement_reference.py

then run ``mvn -B -ntp verify`` and commit the script and the JSON together. ``--output PATH`` writes
elsewhere (the test uses it to check that the committed file is what this script gives, when python3 has the
numpy and scipy versions of the stamp). Regenerating with the same versions changes only the date.

What is computed, each formula written out here with numpy (scipy only for distribution quantiles, the
ranks and, as a cross-check asserted below, its own pearsonr/spearmanr/binomtest):

    * ICC(2,1) of Shrout & Fleiss (1979), ICC(A,1) of McGraw & Wong (1996): two-way random effects,
      absolute agreement, single rater, from the two-way ANOVA mean squares MSR (subjects), MSC (raters)
      and MSE (residual):  ICC = (MSR - MSE) / (MSR + (k-1) MSE + k (MSC - MSE) / n),
      with the confidence interval of McGraw & Wong (1996), table 7, case 2A (F quantiles on n-1 and v
      degrees of freedom, v their approximation).
    * Bland & Altman (1986): differences d = detected - reference, bias mean(d), s = std(d, ddof=1),
      limits bias -/+ z s with z = norm.ppf((1 + c) / 2); interval of the bias bias -/+ t s / sqrt(n),
      of each limit limit -/+ t s sqrt(3 / n), t = t.ppf((1 + c) / 2, n - 1).
    * Pearson's r and Spearman's rho (Pearson's r of the average ranks) with Fisher-z intervals,
      se = 1 / sqrt(n - 3) and sqrt(1.06 / (n - 3)), and two-sided p-values from t = r sqrt((n-2)/(1-r^2)).
    * Wilson score intervals of proportions; exact (Garwood) Poisson intervals of rates.

Cases: the Shrout & Fleiss (1979) table 2 example (6 subjects, 4 judges: ICC(2,1) = 0.29 in the paper),
the Bland & Altman (1986) peak flow data (17 subjects, Wright vs mini Wright meter: bias -2.1 l/min,
s 38.8 l/min in the paper), and seeded synthetic beat counts, frequencies and durations like those of
matched clonus episodes. Inputs are stored as written (short decimals), so the Java side reads the same
doubles; outputs with Python's shortest round-trip repr.
"""
import argparse
import datetime
import json
import os
import platform

import numpy as np
import scipy
import scipy.stats as st

SCRIPT = "src/test/scripts/make_agreement_reference.py"
RESOURCE = "src/test/resources/io/clonus/evaluate/agreement-reference.json"
COMMAND = "python3 " + SCRIPT
SEED = 20251107
CONFIDENCE = 0.95


def icc21(x, c):
    """ICC(2,1) / ICC(A,1) and its McGraw & Wong case 2A interval; x is n subjects by k raters."""
    x = np.asarray(x, dtype=float)
    n, k = x.shape
    grand = x.mean()
    ss_rows = k * ((x.mean(axis=1) - grand) ** 2).sum()
    ss_cols = n * ((x.mean(axis=0) - grand) ** 2).sum()
    ss_total = ((x - grand) ** 2).sum()
    ss_err = ss_total - ss_rows - ss_cols
    msr = ss_rows / (n - 1)
    msc = ss_cols / (k - 1)
    mse = ss_err / ((n - 1) * (k - 1))
    icc = (msr - mse) / (msr + (k - 1) * mse + k * (msc - mse) / n)
    a = k * icc / (n * (1 - icc))
    b = 1 + k * icc * (n - 1) / (n * (1 - icc))
    v = (a * msc + b * mse) ** 2 / ((a * msc) ** 2 / (k - 1) + (b * mse) ** 2 / ((n - 1) * (k - 1)))
    q = (1 + c) / 2
    f_star = st.f.ppf(q, n - 1, v)
    f_star_star = st.f.ppf(q, v, n - 1)
    lower = n * (msr - f_star * mse) / (f_star * (k * msc + (k * n - k - n) * mse) + n * msr)
    upper = n * (f_star_star * msr - mse) / (k * msc + (k * n - k - n) * mse + n * f_star_star * msr)
    return {"msr": float(msr), "msc": float(msc), "mse": float(mse), "icc": float(icc),
            "lower": float(lower), "upper": float(upper), "v": float(v)}


def bland_altman(det, ref, c):
    d = np.asarray(det, dtype=float) - np.asarray(ref, dtype=float)
    n = len(d)
    bias = d.mean()
    s = d.std(ddof=1)
    z = st.norm.ppf((1 + c) / 2)
    t = st.t.ppf((1 + c) / 2, n - 1)
    lo, hi = bias - z * s, bias + z * s
    se_bias, se_limit = s / np.sqrt(n), s * np.sqrt(3 / n)
    return {"bias": float(bias), "sd": float(s), "lowerLimit": float(lo), "upperLimit": float(hi),
            "biasLower": float(bias - t * se_bias), "biasUpper": float(bias + t * se_bias),
            "lowerLimitLower": float(lo - t * se_limit), "lowerLimitUpper": float(lo + t * se_limit),
            "upperLimitLower": float(hi - t * se_limit), "upperLimitUpper": float(hi + t * se_limit)}


def correlation(x, y, c, spearman):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    n = len(x)
    if spearman:
        x, y = st.rankdata(x), st.rankdata(y)
    r = float(np.corrcoef(x, y)[0, 1])
    se = np.sqrt((1.06 if spearman else 1.0) / (n - 3))
    z = st.norm.ppf((1 + c) / 2)
    lower, upper = np.tanh(np.arctanh(r) - z * se), np.tanh(np.arctanh(r) + z * se)
    t = r * np.sqrt((n - 2) / (1 - r * r))
    p = 2 * st.t.sf(abs(t), n - 2)
    return {"r": r, "lower": float(lower), "upper": float(upper), "p": float(p)}


def agreement_case(name, det, ref, note):
    det = [float(v) for v in det]
    ref = [float(v) for v in ref]
    pearson = correlation(det, ref, CONFIDENCE, False)
    spearman = correlation(det, ref, CONFIDENCE, True)
    # cross-checks against scipy's own implementations
    sp = st.pearsonr(det, ref)
    assert abs(sp[0] - pearson["r"]) < 1e-12 and abs(sp[1] - pearson["p"]) < 1e-9 * max(1, sp[1]), name
    ss = st.spearmanr(det, ref)
    assert abs(ss[0] - spearman["r"]) < 1e-12 and abs(ss[1] - spearman["p"]) < 1e-9 * max(1, ss[1]), name
    return {"name": name, "note": note, "detected": det, "reference": ref,
            "icc": icc21(np.column_stack([det, ref]), CONFIDENCE),
            "blandAltman": bland_altman(det, ref, CONFIDENCE),
            "pearson": pearson, "spearman": spearman}


def rounded(a, digits):
    return [round(float(v), digits) for v in a]


def build():
    rng = np.random.default_rng(SEED)
    cases = []

    # Shrout & Fleiss (1979), table 2: 6 targets rated by 4 judges; the paper gives ICC(2,1) = .29
    sf = [[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]]
    icc_cases = [{"name": "shrout-fleiss-1979-table2", "note": "ICC(2,1) = .29 in Shrout & Fleiss (1979)",
                  "ratings": [[float(v) for v in row] for row in sf], "icc": icc21(sf, CONFIDENCE)}]
    # three raters, seeded
    truth = rng.normal(20, 6, 15)
    three = np.column_stack([truth + rng.normal(0, 2, 15), truth + 1 + rng.normal(0, 2, 15),
                             truth - 0.5 + rng.normal(0, 2, 15)])
    three = np.round(three, 2)
    icc_cases.append({"name": "three-raters-seeded", "note": "15 subjects, 3 raters with offsets 0, +1, -0.5",
                      "ratings": three.tolist(), "icc": icc21(three, CONFIDENCE)})

    # Bland & Altman (1986): peak expiratory flow rate, Wright vs mini Wright meter, first readings
    wright = [494, 395, 516, 434, 476, 557, 413, 442, 650, 433, 417, 656, 267, 478, 178, 423, 427]
    mini = [512, 430, 520, 428, 500, 600, 364, 380, 658, 445, 432, 626, 260, 477, 259, 350, 451]
    cases.append(agreement_case("bland-altman-1986-pefr", wright, mini,
                                "bias -2.1 l/min, s 38.8 l/min in Bland & Altman (1986); detected = Wright"))

    # matched clonus episodes, seeded: beat counts (integers, ties), frequencies (Hz), durations (s)
    ref_beats = rng.integers(3, 40, 24)
    det_beats = ref_beats + rng.integers(-2, 3, 24)
    cases.append(agreement_case("beats-seeded", det_beats.tolist(), ref_beats.tolist(),
                                "24 episodes, detected beats off by -2..+2"))
    ref_hz = np.round(rng.uniform(5, 8, 18), 3)
    det_hz = np.round(ref_hz + 0.05 + rng.normal(0, 0.08, 18), 3)
    cases.append(agreement_case("frequency-seeded", det_hz.tolist(), ref_hz.tolist(),
                                "18 episodes, detected frequency +0.05 Hz biased"))
    ref_s = np.round(rng.lognormal(1.0, 0.8, 30), 3)
    det_s = np.round(ref_s * (1 + rng.normal(0, 0.06, 30)) + 0.1, 3)
    cases.append(agreement_case("duration-seeded", det_s.tolist(), ref_s.tolist(),
                                "30 episodes, proportional error and +0.1 s"))
    cases.append(agreement_case("four-pairs", [4.0, 6.0, 9.0, 15.0], [5.0, 8.0, 6.0, 14.0],
                                "the fewest pairs with every figure"))

    # two pairs: ICC and Bland-Altman exist, correlations do not (fewer than 4 pairs)
    two = {"name": "two-pairs", "note": "correlations absent below 4 pairs", "detected": [12.0, 5.0],
           "reference": [11.0, 4.0], "icc": icc21(np.column_stack([[12.0, 5.0], [11.0, 4.0]]), CONFIDENCE),
           "blandAltman": bland_altman([12.0, 5.0], [11.0, 4.0], CONFIDENCE)}

    wilson = []
    for k, n in [(0, 1), (1, 1), (0, 10), (3, 10), (9, 10), (10, 10), (47, 52), (1, 200)]:
        ci = st.binomtest(k, n).proportion_ci(confidence_level=CONFIDENCE, method="wilson")
        wilson.append({"successes": k, "trials": n, "lower": float(ci.low), "upper": float(ci.high)})

    poisson = []
    alpha = 1 - CONFIDENCE
    for k, hours in [(0, 0.5), (1, 2.0), (3, 24.0), (12, 100.0)]:
        lower = 0.0 if k == 0 else st.chi2.ppf(alpha / 2, 2 * k) / 2
        upper = st.chi2.ppf(1 - alpha / 2, 2 * k + 2) / 2
        poisson.append({"count": k, "hours": hours, "per24h": k * 24 / hours,
                        "lower": float(lower * 24 / hours), "upper": float(upper * 24 / hours)})

    return {
        "generator": {
            "script": SCRIPT,
            "command": COMMAND,
            "python": platform.python_version(),
            "numpy": np.__version__,
            "scipy": scipy.__version__,
            "date": datetime.date.today().isoformat(),
            "seed": SEED,
            "confidence": CONFIDENCE,
        },
        "icc": icc_cases,
        "agreement": cases,
        "twoPairs": two,
        "wilson": wilson,
        "poisson": poisson,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--output", default=None, help="where to write (default: " + RESOURCE + ")")
    args = parser.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    out = args.output or os.path.join(root, RESOURCE)
    data = build()
    with open(out, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1)
        f.write("\n")
    print("wrote", out)


if __name__ == "__main__":
    main()
