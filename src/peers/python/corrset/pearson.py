"""Pearson's r from exact integer sums, as corrset-spec.md defines it (undefined: NaN)."""

import math


def from_sums(n, sum_x, sum_y, sum_xy, sum_xx, sum_yy):
    """r = (n·Σxy − Σx·Σy) / √((n·Σxx − Σx²)(n·Σyy − Σy²)); NaN when n < 2 or a side has no variance."""
    n, sum_x, sum_y = int(n), int(sum_x), int(sum_y)
    numerator = n * int(sum_xy) - sum_x * sum_y
    spread_x = n * int(sum_xx) - sum_x * sum_x
    spread_y = n * int(sum_yy) - sum_y * sum_y
    if n < 2 or spread_x == 0 or spread_y == 0:
        return math.nan
    return numerator / math.sqrt(float(spread_x) * float(spread_y))
