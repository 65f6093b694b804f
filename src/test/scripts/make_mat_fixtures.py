#!/usr/bin/env python3
"""MAT-files written by scipy.io.savemat, for ScipyMatFilesTest: a second writer beside MFL's.

MatReaderTest writes its files with MFL, the library that also reads them; these are written by scipy,
which writes level-5 files as MATLAB does (cell arrays of texts, blank-padded char matrices, structs,
compressed or not), so that the reader is checked against files MFL did not make. The samples are
formulas the Java test recomputes exactly:

    emg[i]  = ((i % 200) - 100) * 0.5          i = 0 .. 2999
    acc[i]  = ((i * 7) % 64) - 32              int16
    ramp[i] = i * 0.25                         single (exact in float)

Regenerate from the repository root (needs numpy and scipy), then run the tests and commit the script
and the files together:

    python3 src/test/scripts/make_mat_fixtures.py
"""
import os

import numpy as np
import scipy.io as sio

OUT = os.path.join("src", "test", "resources", "io", "clonus", "io", "mat")
N = 3000


def main():
    os.makedirs(OUT, exist_ok=True)
    i = np.arange(N)
    emg = ((i % 200) - 100) * 0.5
    acc = (((i * 7) % 64) - 32).astype(np.int16)
    ramp = (i * 0.25).astype(np.float32)

    # vectors (a column and a row), a rate, and what is not a channel; compressed (v7)
    sio.savemat(os.path.join(OUT, "scipy-vectors.mat"), {
        "EMG_TA": emg.reshape(-1, 1),
        "EMG_SOL": (-emg).reshape(1, -1),
        "fs": 2000.0,
        "subject": "P01",
        "flags": emg > 0,
    }, do_compression=True)

    # a channels x samples int16 matrix labelled by a cell array, a rate per channel; uncompressed (v6)
    sio.savemat(os.path.join(OUT, "scipy-matrix.mat"), {
        "Data": np.vstack([acc, -acc, acc * 2]),
        "Channels": np.array(["ACC X", "ACC Y", "ACC Z"], dtype=object),
        "Fs": np.array([[148.0, 148.0, 148.0]]),
    }, do_compression=False)

    # a struct with a samples x channels single matrix, a char matrix of labels and its own rate; compressed
    sio.savemat(os.path.join(OUT, "scipy-struct.mat"), {
        "rec": {
            "signals": np.column_stack([ramp, -ramp]),
            "labels": np.array(["EMG left ", "EMG right"]),
            "srate": 1000,
        },
    }, do_compression=True)


if __name__ == "__main__":
    main()
