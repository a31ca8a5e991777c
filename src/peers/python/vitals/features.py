"""What every vitals version shares: the spec's column order and its exact rule for anomaly ties.

vitals-spec.md §3, with the project's tie rule (fasterjava.vitals.Anomalies): a value exactly on mean ± 2·std,
taking each value as the shortest decimal that reads back to it, is not an anomaly. Floating point decides every
series except those with a value within MARGIN of the threshold; those are recounted exactly here.
"""

from fractions import Fraction
import math

VITALS = ["heart_rate", "systolic_bp", "diastolic_bp", "temperature", "oxygen_sat", "respiratory_rate"]
FEATURES = ["mean", "std", "min", "max", "range", "trend", "n_anomalies", "missing_pct"]
PER_VITAL = len(FEATURES)
COLUMNS = len(VITALS) * PER_VITAL
MARGIN = 1e-9


def count_exactly(values):
    """Anomalies among the present values, exactly: (m−1)(m·v − s)² > 4m(m·q − s²)."""
    exact = [Fraction(repr(float(value))) for value in values if not math.isnan(value)]
    m = len(exact)
    if m < 2:
        return 0
    total = sum(exact)
    squares = sum(value * value for value in exact)
    spread = 4 * m * (m * squares - total * total)
    return sum(1 for value in exact if (m - 1) * (m * value - total) ** 2 > spread)
