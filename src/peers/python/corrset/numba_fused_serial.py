"""k-corrset as one Numba-compiled loop on one thread: bitsets ANDed word by word, sums accumulated on the fly.

No intermediate arrays (the article's "fused accumulation"): for each word of the k questions' answered bitsets,
each set bit of their AND is a counted user; their k score bits (scores as bitsets too) give x, the grand totals
give y, and the six integer sums grow as the bits are visited. r comes from the sums (corrset-spec.md).
"""

import numba
import numpy as np

from numpy_bitsets import answered_words

JIT = True
ONE = np.uint64(1)
# De Bruijn multiplication finds a lone bit's index without a loop (Numba 0.56 has no count-trailing-zeros).
DE_BRUIJN = np.uint64(0x03F79D71B4CB0A89)
SHIFT = np.uint64(58)
BIT_INDEX = np.zeros(64, dtype=np.int64)
for _bit in range(64):
    BIT_INDEX[int((np.uint64(1 << _bit) * DE_BRUIJN) >> SHIFT)] = _bit


def fused(answered, scored, grand_totals, combos, bit_index, r, n):
    """Fills r[i] and n[i] for every row i of combos. prange is range unless compiled with parallel=True."""
    k = combos.shape[1]
    words = answered.shape[1]
    for i in numba.prange(combos.shape[0]):
        count = 0
        sum_x = 0
        sum_y = 0
        sum_xy = 0
        sum_xx = 0
        sum_yy = 0
        for w in range(words):
            common = answered[combos[i, 0], w]
            for j in range(1, k):
                common &= answered[combos[i, j], w]
            while common != 0:
                low = common & (~common + ONE)
                bit = bit_index[(low * DE_BRUIJN) >> SHIFT]
                x = 0
                for j in range(k):
                    x += np.int64((scored[combos[i, j], w] >> np.uint64(bit)) & ONE)
                y = grand_totals[w * 64 + bit]
                count += 1
                sum_x += x
                sum_y += y
                sum_xy += x * y
                sum_xx += x * x
                sum_yy += y * y
                common ^= low
        numerator = count * sum_xy - sum_x * sum_y
        spread_x = count * sum_xx - sum_x * sum_x
        spread_y = count * sum_yy - sum_y * sum_y
        n[i] = count
        if count < 2 or spread_x == 0 or spread_y == 0:
            r[i] = np.nan
        else:
            r[i] = numerator / np.sqrt(np.float64(spread_x) * np.float64(spread_y))


KERNEL = numba.njit(fused, nogil=True)


def score_words(scores):
    """Per question, the bits of the users who scored 1 (same layout as answered_words)."""
    words = (len(scores.users) + 63) // 64
    bits = np.zeros((len(scores.questions), words * 64), dtype=bool)
    bits[scores.question, scores.user] = scores.score > 0
    return np.packbits(bits, axis=1, bitorder="little").view(np.uint64)


def prepare(scores, k):
    if scores.score.min(initial=0) < 0 or scores.score.max(initial=0) > 1:
        raise ValueError("the bitset versions need scores of 0 or 1")
    return answered_words(scores), score_words(scores), scores.grand_totals


def run(kernel, state, combos):
    answered, scored, grand_totals = state
    r = np.empty(len(combos))
    n = np.empty(len(combos), dtype=np.int64)
    kernel(answered, scored, grand_totals, np.ascontiguousarray(combos), BIT_INDEX, r, n)
    return r, n


def compute(state, combos):
    return run(KERNEL, state, combos)


def threads():
    return 1
