"""Vitals V3, the case study's NumPy arrays: the table as a patients × days × vitals cube, statistics along days.

prepare places each row at (patient, its position among the patient's rows); patients with fewer rows than the
longest are padded with NaN, which every statistic skips (the case study's reshape assumed equal lengths).
compute reduces the first N patients' slab along the day axis: no Python loop over patients.
"""

import numpy as np

from features import COLUMNS, MARGIN, VITALS, count_exactly


def prepare(table):
    frame = table.frame
    patients = frame["patient"].to_numpy()
    order = np.argsort(patients, kind="stable")
    patients = patients[order]
    rows = np.bincount(patients, minlength=len(table.ids))
    starts = np.concatenate([[0], np.cumsum(rows)[:-1]])
    position = np.arange(len(patients)) - starts[patients]
    width = int(rows.max(initial=1))
    cube = np.full((len(table.ids), width, len(VITALS)), np.nan)
    cube[patients, position, :] = frame[VITALS].to_numpy()[order]
    days = np.full((len(table.ids), width), np.nan)
    days[patients, position] = frame["day"].to_numpy(dtype=np.float64)[order]
    return cube, days, rows


def compute(state, items):
    cube, days, rows = state
    values = cube[:items]
    present = ~np.isnan(values)
    count = present.sum(axis=1)
    mean = np.nansum(values, axis=1) / count
    deviation = values - mean[:, None, :]
    std = np.sqrt(np.nansum(deviation * deviation, axis=1) / (count - 1))
    std[count < 2] = np.nan
    low, high = np.nanmin(values, axis=1), np.nanmax(values, axis=1)
    present_days = np.where(present, days[:items, :, None], np.nan)
    day_deviation = present_days - (np.nansum(present_days, axis=1) / count)[:, None, :]
    trend = np.nansum(day_deviation * deviation, axis=1) / np.nansum(day_deviation * day_deviation, axis=1)
    trend[count == 1] = 0.0
    trend[count == 0] = np.nan
    distance = np.abs(deviation)
    two_std = 2 * std[:, None, :]
    anomalies = (distance > two_std).sum(axis=1)
    near = np.abs(distance - two_std) <= MARGIN * (np.abs(values) + np.abs(mean)[:, None, :] + two_std)
    for patient, vital in zip(*np.nonzero(near.any(axis=1))):
        anomalies[patient, vital] = count_exactly(values[patient, :, vital])
    missing = (rows[:items, None] - count) / rows[:items, None]
    stacked = np.stack([mean, std, low, high, high - low, trend, anomalies, missing], axis=2)
    return stacked.reshape(items, COLUMNS)


def threads():
    return 1
