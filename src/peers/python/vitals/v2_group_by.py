"""Vitals V2, the case study's pandas group-by: one grouping by patient, statistics as group aggregates.

prepare sorts the rows by patient (stable), so the first N patients are the first rows. Per vital: mean, std, min,
max and the count of present values are one groupby().agg(); the trend and the anomalies need each row's deviation
from its group's mean, which groupby().transform() broadcasts back to the rows before a second grouped sum.
"""

import numpy as np

from features import COLUMNS, MARGIN, PER_VITAL, VITALS, count_exactly


def prepare(table):
    frame = table.frame.sort_values("patient", kind="stable").reset_index(drop=True)
    ends = np.concatenate([[0], np.cumsum(np.bincount(frame["patient"], minlength=len(table.ids)))])
    return frame, ends


def compute(state, items):
    frame, ends = state
    rows = frame.iloc[:ends[items]]
    groups = rows.groupby("patient", sort=True)
    sizes = groups.size().to_numpy()
    out = np.empty((items, COLUMNS))
    for index, vital in enumerate(VITALS):
        stats = groups[vital].agg(["mean", "std", "min", "max", "count"])
        mean, std, count = stats["mean"].to_numpy(), stats["std"].to_numpy(), stats["count"].to_numpy()
        present = rows[vital].notna()
        days = rows["day"].where(present)
        deviation = rows[vital] - groups[vital].transform("mean")
        day_deviation = days - days.groupby(rows["patient"]).transform("mean")
        covariance = (day_deviation * deviation).groupby(rows["patient"]).sum().to_numpy()
        spread = (day_deviation * day_deviation).groupby(rows["patient"]).sum().to_numpy()
        trend = np.where(count == 0, np.nan, np.where(count == 1, 0.0, covariance / spread))
        two_std = 2 * groups[vital].transform("std")
        anomalies = (deviation.abs() > two_std).groupby(rows["patient"]).sum().to_numpy()
        near = (deviation.abs() - two_std).abs() <= MARGIN * (rows[vital].abs() + (deviation - rows[vital]).abs()
                                                             + two_std)
        for patient in np.unique(rows["patient"][near]):
            anomalies[patient] = count_exactly(rows[vital].iloc[ends[patient]:ends[patient + 1]].to_numpy())
        anomalies = np.where(count > 1, anomalies, 0)
        low, high = stats["min"].to_numpy(), stats["max"].to_numpy()
        block = [mean, std, low, high, high - low, trend, anomalies, (sizes - count) / sizes]
        out[:, index * PER_VITAL:(index + 1) * PER_VITAL] = np.column_stack(block)
    return out


def threads():
    return 1
