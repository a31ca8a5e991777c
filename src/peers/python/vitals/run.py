"""Runs chosen Python versions of the vitals features on the first N patients of a vitals CSV; prints JSON lines.

    /usr/bin/python3 run.py --data vitals.csv --versions v1-naive-loop,v3-numpy-arrays \
        --reference-items 500 --max-items 500 --min-seconds 0.2 --repetitions 3 --step-seconds 10

The CSV is read once with pandas (vitals-spec.md §2 form; patients numbered in order of first appearance). Per
version: prepare (untimed, reported), a first call on one patient for the Numba versions (the JIT compile,
reported apart), then the timed runs (peerkit.measure) of "the features of the first N patients"; then one
"patient" line per patient of the last timed run (id and the 48 features of vitals-spec.md §3 in order, null for
NaN) and one "timing" line.
"""

import argparse
import importlib
import os
import sys
import warnings

import numpy as np
import pandas as pd

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import peerkit  # noqa: E402
from features import VITALS  # noqa: E402

VERSIONS = {
    "v1-naive-loop": "v1_naive_loop",
    "v2-group-by": "v2_group_by",
    "v3-numpy-arrays": "v3_numpy_arrays",
    "numba-serial": "numba_serial",
    "numba-parallel": "numba_parallel",
}


class Table:
    """The rows as read, with "patient" the index of each row's patient in order of first appearance."""

    def __init__(self, path):
        try:
            frame = pd.read_csv(path, dtype={"patient_id": str})
        except (OSError, ValueError) as error:
            peerkit.fail("cannot read %s: %s" % (path, error))
        missing = [column for column in ["patient_id", "day"] + VITALS if column not in frame.columns]
        if missing:
            peerkit.fail("%s: missing column(s) %s" % (path, ", ".join(missing)))
        codes, ids = pd.factorize(frame["patient_id"], sort=False)
        frame.insert(0, "patient", codes)
        self.frame = frame.drop(columns=["patient_id"])
        self.frame[VITALS] = self.frame[VITALS].astype(np.float64)
        self.ids = [str(patient_id) for patient_id in ids]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="vitals CSV (vitals-spec.md §1 form)")
    peerkit.versions_argument(parser, list(VERSIONS))
    peerkit.budget_arguments(parser)
    args = parser.parse_args()
    chosen = peerkit.chosen_versions(args.versions, list(VERSIONS))
    # Patients with no value of a vital give NaN means and all-NaN slices; the spec wants exactly that.
    warnings.simplefilter("ignore")
    np.seterr(all="ignore")
    table = Table(args.data)
    modules = [importlib.import_module(VERSIONS[name]) for name in chosen]
    peerkit.emit(peerkit.environment([np, pd] + [m.numba for m in modules if hasattr(m, "numba")][:1]))
    for name, module in zip(chosen, modules):
        prepare_seconds, state = peerkit.timed(lambda: module.prepare(table))
        compile_seconds = None
        if getattr(module, "JIT", False):
            compile_seconds, _ = peerkit.timed(lambda: module.compute(state, 1))
        items, runs, best, features = peerkit.measure(lambda count: module.compute(state, count), len(table.ids),
                                                      args)
        for patient in range(items):
            peerkit.emit({"kind": "patient", "version": name, "id": table.ids[patient],
                          "features": [peerkit.number(value) for value in features[patient]]})
        peerkit.emit(peerkit.timing(name, items, runs, best, prepare_seconds, compile_seconds, module.threads()))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
