"""Vitals V1, the case study's naive loop: per patient, filter the whole DataFrame, then loop over the vitals.

Each patient's rows are found by a boolean filter over the whole table (so the work grows with patients × rows);
that patient's values then go through small NumPy calls one vital at a time (mean, sample std, min, max, the
slope on the day, the anomalies).
"""

import math

import numpy as np

from features import COLUMNS, MARGIN, PER_VITAL, VITALS, count_exactly


def prepare(table):
    return table.frame


def compute(frame, items):
    out = np.empty((items, COLUMNS))
    for patient in range(items):
        rows = frame[frame["patient"] == patient]
        days = rows["day"].to_numpy(dtype=np.float64)
        for index, vital in enumerate(VITALS):
            out[patient, index * PER_VITAL:(index + 1) * PER_VITAL] = describe(days, rows[vital].to_numpy())
    return out


def describe(days, series):
    present = ~np.isnan(series)
    values = series[present]
    m = len(values)
    if m == 0:
        return [math.nan] * 6 + [0, 1.0]
    mean = values.mean()
    low, high = values.min(), values.max()
    if m == 1:
        return [mean, math.nan, low, high, high - low, 0.0, 0, (len(series) - 1) / len(series)]
    deviations = values - mean
    std = math.sqrt((deviations * deviations).sum() / (m - 1))
    day_deviations = days[present] - days[present].mean()
    trend = (day_deviations * deviations).sum() / (day_deviations * day_deviations).sum()
    distance = np.abs(deviations)
    anomalies = int((distance > 2 * std).sum())
    if (np.abs(distance - 2 * std) <= MARGIN * (np.abs(values) + abs(mean) + 2 * std)).any():
        anomalies = count_exactly(values)
    return [mean, std, low, high, high - low, trend, anomalies, (len(series) - m) / len(series)]


def threads():
    return 1
