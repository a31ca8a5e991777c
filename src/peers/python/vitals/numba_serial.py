"""Vitals with Numba, the case study's own "future work": one compiled pass per patient and vital, on one thread.

Rows sorted by patient (prepare); for each patient and vital one loop gathers the count, sums, min, max and the
day sums, a second loop over the same few hundred values counts the anomalies. Series with a value within the
spec's margin of the threshold are flagged by the kernel and recounted exactly afterwards (features.count_exactly).
"""

import numba
import numpy as np

from features import COLUMNS, MARGIN, PER_VITAL, VITALS, count_exactly

JIT = True


def kernel(values, days, starts, items, margin, out, near):
    """Fills out[p, :] for patients 0..items-1 and marks near[p, vital]; prange is range unless parallel."""
    for patient in numba.prange(items):
        begin = starts[patient]
        end = starts[patient + 1]
        for vital in range(values.shape[0]):
            column = values[vital]
            m = 0
            total = 0.0
            day_total = 0.0
            low = np.inf
            high = -np.inf
            for row in range(begin, end):
                value = column[row]
                if not np.isnan(value):
                    m += 1
                    total += value
                    day_total += days[row]
                    low = min(low, value)
                    high = max(high, value)
            base = vital * 8
            mean = total / m if m > 0 else np.nan
            squares = 0.0
            products = 0.0
            day_squares = 0.0
            for row in range(begin, end):
                value = column[row]
                if not np.isnan(value):
                    deviation = value - mean
                    day_deviation = days[row] - day_total / m
                    squares += deviation * deviation
                    products += day_deviation * deviation
                    day_squares += day_deviation * day_deviation
            std = np.sqrt(squares / (m - 1)) if m > 1 else np.nan
            anomalies = 0
            if m > 1:
                two_std = 2 * std
                for row in range(begin, end):
                    value = column[row]
                    if not np.isnan(value):
                        distance = abs(value - mean)
                        if distance > two_std:
                            anomalies += 1
                        if abs(distance - two_std) <= margin * (abs(value) + abs(mean) + two_std):
                            near[patient, vital] = True
            out[patient, base] = mean
            out[patient, base + 1] = std
            out[patient, base + 2] = low if m > 0 else np.nan
            out[patient, base + 3] = high if m > 0 else np.nan
            out[patient, base + 4] = high - low if m > 0 else np.nan
            out[patient, base + 5] = products / day_squares if m > 1 else (0.0 if m == 1 else np.nan)
            out[patient, base + 6] = anomalies
            out[patient, base + 7] = (end - begin - m) / (end - begin)


KERNEL = numba.njit(kernel, nogil=True)


def prepare(table):
    frame = table.frame.sort_values("patient", kind="stable")
    starts = np.concatenate([[0], np.cumsum(np.bincount(frame["patient"], minlength=len(table.ids)))])
    values = np.ascontiguousarray(frame[VITALS].to_numpy().T)
    return values, frame["day"].to_numpy(dtype=np.float64), starts.astype(np.int64)


def run(compiled, state, items):
    values, days, starts = state
    out = np.empty((items, COLUMNS))
    near = np.zeros((items, len(VITALS)), dtype=np.bool_)
    compiled(values, days, starts, items, MARGIN, out, near)
    for patient, vital in zip(*np.nonzero(near)):
        out[patient, vital * PER_VITAL + 6] = count_exactly(values[vital, starts[patient]:starts[patient + 1]])
    return out


def compute(state, items):
    return run(KERNEL, state, items)


def threads():
    return 1
