"""Runs chosen Python versions of k-corrset on the first N combinations of a scores file and prints JSON lines.

    /usr/bin/python3 run.py --data scores.json --k 5 --versions pandas-baseline,numba-serial \
        --reference-items 20 --max-items 2000000 --min-seconds 0.5 --repetitions 3 --step-seconds 4

Questions and users are indexed in order of first appearance and combinations taken in lexicographic order of
those indices (corrset-spec.md), as the Java ladder does, so item i is the same set on both sides. The list of
combinations is built once, before any timing: it is each version's input, as in the Python article. Per version:
prepare (untimed, reported), a first call on one combination for the Numba versions (the JIT compile, reported
apart), then the timed runs (peerkit.measure); then one "item" line per combination of the last timed run (i, r
or null when undefined, n) and one "timing" line.
"""

import argparse
import importlib
import itertools
import json
import math
import os
import sys
import warnings

import numpy as np
import pandas

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import peerkit  # noqa: E402

VERSIONS = {
    "pandas-baseline": "pandas_baseline",
    "dict-sets": "dict_sets",
    "bool-arrays": "bool_arrays",
    "numpy-bitsets": "numpy_bitsets",
    "numba-serial": "numba_fused_serial",
    "numba-parallel": "numba_fused_parallel",
}


class Scores:
    """The answers as parallel arrays, users and questions indexed in order of first appearance."""

    def __init__(self, path):
        try:
            with open(path, "rb") as file:
                rows = json.load(file)
        except (OSError, ValueError) as error:
            peerkit.fail("cannot read %s: %s" % (path, error))
        user_index, question_index = {}, {}
        self.users, self.questions = [], []
        count = len(rows)
        self.user = np.empty(count, dtype=np.int64)
        self.question = np.empty(count, dtype=np.int64)
        self.score = np.empty(count, dtype=np.int64)
        for row_number, row in enumerate(rows):
            try:
                user, question, score = row["user"], row["question"], int(row["score"])
            except (KeyError, TypeError, ValueError):
                peerkit.fail("%s: record %d: needs user, question and an integer score" % (path, row_number + 1))
            u = user_index.setdefault(user, len(user_index))
            if u == len(self.users):
                self.users.append(user)
            q = question_index.setdefault(question, len(question_index))
            if q == len(self.questions):
                self.questions.append(question)
            self.user[row_number], self.question[row_number], self.score[row_number] = u, q, score
        self.grand_totals = np.bincount(self.user, weights=self.score, minlength=len(self.users)).astype(np.int64)


def combinations(question_count, k, limit):
    """The first `limit` k-subsets of range(question_count) in lexicographic order, as a (limit, k) array."""
    flat = itertools.chain.from_iterable(itertools.islice(itertools.combinations(range(question_count), k), limit))
    return np.fromiter(flat, dtype=np.int64, count=limit * k).reshape(limit, k)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="scores file (JSON array of {user, question, score})")
    parser.add_argument("--k", type=int, required=True, help="questions per set")
    peerkit.versions_argument(parser, list(VERSIONS))
    peerkit.budget_arguments(parser)
    args = parser.parse_args()
    chosen = peerkit.chosen_versions(args.versions, list(VERSIONS))
    # Undefined r (n < 2, zero variance) is expected; NumPy's warnings about it are noise here.
    warnings.simplefilter("ignore")
    np.seterr(all="ignore")

    scores = Scores(args.data)
    if not 1 <= args.k <= len(scores.questions):
        peerkit.fail("k must be between 1 and %d, got %d" % (len(scores.questions), args.k))
    available = math.comb(len(scores.questions), args.k)
    combos = combinations(len(scores.questions), args.k, min(available, max(args.max_items, args.reference_items)))
    modules = [importlib.import_module(VERSIONS[name]) for name in chosen]
    peerkit.emit(peerkit.environment([np, pandas] + [m.numba for m in modules if hasattr(m, "numba")][:1]))
    for name, module in zip(chosen, modules):
        run_version(name, module, scores, combos, args)
        sys.stdout.flush()


def run_version(name, module, scores, combos, args):
    prepare_seconds, state = peerkit.timed(lambda: module.prepare(scores, args.k))
    compile_seconds = None
    if getattr(module, "JIT", False):
        compile_seconds, _ = peerkit.timed(lambda: module.compute(state, combos[:1]))
    items, runs, best, (r, n) = peerkit.measure(lambda count: module.compute(state, combos[:count]),
                                                len(combos), args)
    for i in range(items):
        peerkit.emit({"kind": "item", "version": name, "i": i, "r": peerkit.number(r[i]), "n": int(n[i])})
    peerkit.emit(peerkit.timing(name, items, runs, best, prepare_seconds, compile_seconds, module.threads()))


if __name__ == "__main__":
    main()
