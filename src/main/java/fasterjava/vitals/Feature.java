package fasterjava.vitals;

/**
 * The eight features computed per patient and vital, in the output's column order ({@code vitals-spec.md} §3):
 * the output has {@code patient_id}, then for each {@link Vital} in order, its eight {@code <vital>_<feature>}
 * columns.
 */
public enum Feature {
    MEAN("mean"),
    STD("std"),
    MIN("min"),
    MAX("max"),
    RANGE("range"),
    TREND("trend"),
    N_ANOMALIES("n_anomalies"),
    MISSING_PCT("missing_pct");

    private final String suffix;

    Feature(String suffix) {
        this.suffix = suffix;
    }

    public String suffix() {
        return suffix;
    }

    /** The output column for this feature of {@code vital}, e.g. {@code heart_rate_mean}. */
    public String column(Vital vital) {
        return vital.column() + "_" + suffix;
    }
}
