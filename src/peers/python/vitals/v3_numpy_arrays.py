"""Vitals V3, the case study's NumPy arrays: the table as a vitals × patients × days cube, statistics along days.

prepare places each row at (patient, its position among the patient's rows); patients with fewer rows than the
longest are padded with NaN (the case study's reshape assumed equal lengths). compute reduces the first N
patients' slab along the day axis, the last and contiguous one: no Python loop over patients. Missing values are
masked to 0 in the sums, as the mask says, rather than skipped by NumPy's slower nan-functions.
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
    cube = np.full((len(VITALS), len(table.ids), width), np.nan)
    cube[:, patients, position] = frame[VITALS].to_numpy()[order].T
    days = np.full((len(table.ids), width), np.nan)
    days[patients, position] = frame["day"].to_numpy(dtype=np.float64)[order]
    return cube, days, rows


def compute(state, items):
    cube, days, rows = state
    values = cube[:, :items, :]
    present = ~np.isnan(values)
    count = present.sum(axis=2)
    mean = np.where(present, values, 0.0).sum(axis=2) / count
    deviation = np.where(present, values - mean[:, :, None], 0.0)
    std = np.sqrt((deviation * deviation).sum(axis=2) / (count - 1))
    std[count < 2] = np.nan
    low = np.where(present, values, np.inf).min(axis=2)
    high = np.where(present, values, -np.inf).max(axis=2)
    low[count == 0] = np.nan
    high[count == 0] = np.nan
    day = days[None, :items, :]
    day_mean = np.where(present, day, 0.0).sum(axis=2) / count
    day_deviation = np.where(present, day - day_mean[:, :, None], 0.0)
    trend = (day_deviation * deviation).sum(axis=2) / (day_deviation * day_deviation).sum(axis=2)
    trend[count == 1] = 0.0
    trend[count == 0] = np.nan
    distance = np.abs(deviation)
    two_std = 2 * std[:, :, None]
    anomalies = (distance > two_std).sum(axis=2)
    near = np.abs(distance - two_std) <= MARGIN * (np.abs(values) + np.abs(mean)[:, :, None] + two_std)
    for vital, patient in zip(*np.nonzero(near.any(axis=2))):
        anomalies[vital, patient] = count_exactly(values[vital, patient])
    anomalies[count < 2] = 0
    missing = (rows[None, :items] - count) / rows[None, :items]
    stacked = np.stack([mean, std, low, high, high - low, trend, anomalies, missing], axis=2)
    return stacked.transpose(1, 0, 2).reshape(items, COLUMNS)


def threads():
    return 1
