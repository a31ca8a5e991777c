"""k-corrset with bitsets in NumPy, no JIT: each question's users as 64-bit words, ANDed per set.

Per set: AND the k questions' words (a few hundred array operations' worth of work done in C), unpack the result
into user indices, then sums over those few users as in bool_arrays. The article's "bitsets without JIT" step.
"""

import numpy as np

from pearson import from_sums


def answered_words(scores):
    """Per question, one bit per user (user u is bit u % 64 of word u // 64), as uint64 words."""
    words = (len(scores.users) + 63) // 64
    bits = np.zeros((len(scores.questions), words * 64), dtype=bool)
    bits[scores.question, scores.user] = True
    return np.packbits(bits, axis=1, bitorder="little").view(np.uint64)


def prepare(scores, k):
    points = np.zeros((len(scores.questions), len(scores.users)), dtype=np.int64)
    points[scores.question, scores.user] = scores.score
    return answered_words(scores), points, scores.grand_totals


def compute(state, combos):
    answered, points, grand_totals = state
    r = np.empty(len(combos))
    n = np.empty(len(combos), dtype=np.int64)
    for i, combo in enumerate(combos):
        common = np.bitwise_and.reduce(answered[combo], axis=0)
        users = np.flatnonzero(np.unpackbits(common.view(np.uint8), bitorder="little"))
        x = points[combo][:, users].sum(axis=0)
        y = grand_totals[users]
        n[i] = len(users)
        r[i] = from_sums(n[i], x.sum(), y.sum(), (x * y).sum(), (x * x).sum(), (y * y).sum())
    return r, n


def threads():
    return 1
