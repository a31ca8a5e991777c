"""k-corrset with dense NumPy arrays: a boolean "answered" matrix and a score matrix, questions by users.

Per set: AND the k answered rows into a mask of counted users, sum the k score rows over the mask (x), take the
grand totals under the mask (y); r from the integer sums (corrset-spec.md's formula), vectorised by NumPy.
"""

import numpy as np

from pearson import from_sums


def prepare(scores, k):
    answered = np.zeros((len(scores.questions), len(scores.users)), dtype=bool)
    points = np.zeros((len(scores.questions), len(scores.users)), dtype=np.int64)
    answered[scores.question, scores.user] = True
    points[scores.question, scores.user] = scores.score
    return answered, points, scores.grand_totals


def compute(state, combos):
    answered, points, grand_totals = state
    r = np.empty(len(combos))
    n = np.empty(len(combos), dtype=np.int64)
    for i, combo in enumerate(combos):
        mask = np.logical_and.reduce(answered[combo])
        x = points[combo][:, mask].sum(axis=0)
        y = grand_totals[mask]
        n[i] = len(x)
        r[i] = from_sums(n[i], x.sum(), y.sum(), (x * y).sum(), (x * x).sum(), (y * y).sum())
    return r, n


def threads():
    return 1
