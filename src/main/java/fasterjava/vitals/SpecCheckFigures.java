package fasterjava.vitals;

import java.util.Locale;
import java.util.Optional;

/**
 * The spec's check figures ({@code vitals-spec.md} §3) for the first {@value #PATIENTS} patients of seed 42: per
 * vital, the sums over patients of five features, and patient 0's heart-rate features and temperature trend. The
 * generator consumes its random stream column by column, so these hold for a data set of exactly 500 patients,
 * not for the first 500 of a larger one.
 */
public final class SpecCheckFigures {
    public static final int PATIENTS = 500;
    /** The features summed in {@link #SUMS}, in its column order. */
    private static final Feature[] SUMMED = {Feature.MEAN, Feature.STD, Feature.TREND, Feature.N_ANOMALIES,
        Feature.MISSING_PCT};
    /** Per vital in spec order: Σ mean, Σ std, Σ trend, Σ n_anomalies, Σ missing_pct. */
    private static final double[][] SUMS = {
        {36012.041090253362, 5990.983512521881, -0.223531272354, 7909, 25.178082191781},
        {59982.573495800971, 7506.763352792736, -0.132860502751, 7762, 25.427397260274},
        {39985.855342465758, 5004.640861209184, -0.026664552604, 8227, 0},
        {49300.348623234022, 249.737331282586, -0.004181122526, 7842, 25.060273972603},
        {48468.979686954466, 943.238193293939, 0.028614743853, 4821, 25.106849315068},
        {7992.972602739726, 1993.757859034638, -0.024119065305, 8047, 0}};
    /** Patient 0's heart rate, in {@link Feature} order. */
    private static final double[] PATIENT_ZERO_HEART_RATE = {72.29176136363637, 11.434800447590844, 33.1, 118.2,
        118.2 - 33.1, 0.006014984112056975, 17, 0.03561643835616438};
    private static final double PATIENT_ZERO_TEMPERATURE_TREND = -9.92411254461095e-05;
    /** The spec prints sums to 12 decimals; sums of 500 features carry about 1e-13 of rounding besides. */
    private static final double PRINTED = 1e-11;

    private SpecCheckFigures() {
    }

    /** The first way {@code features} (of the 500 seed-42 patients) differs from the spec's figures, or empty. */
    public static Optional<String> mismatch(VitalsFeatures features) {
        if (features.patientCount() != PATIENTS) {
            return Optional.of("the check figures are for " + PATIENTS + " patients, got " + features.patientCount());
        }
        for (Vital vital : Vital.values()) {
            for (int f = 0; f < SUMMED.length; f++) {
                double sum = 0;
                for (int p = 0; p < PATIENTS; p++) {
                    sum += features.get(p, vital, SUMMED[f]);
                }
                double expected = SUMS[vital.ordinal()][f];
                if (!(Math.abs(sum - expected) <= Math.max(PRINTED, Math.abs(expected) * VitalsFeatures.TOLERANCE))) {
                    return Optional.of(String.format(Locale.ROOT, "Σ %s: spec %.12f, got %.12f",
                            SUMMED[f].column(vital), expected, sum));
                }
            }
        }
        Feature[] order = Feature.values();
        for (int f = 0; f < order.length; f++) {
            double expected = PATIENT_ZERO_HEART_RATE[f];
            double actual = features.get(0, Vital.HEART_RATE, order[f]);
            if (!(Math.abs(actual - expected) <= Math.max(1, Math.abs(expected)) * VitalsFeatures.TOLERANCE)) {
                return Optional.of("patient 0's " + order[f].column(Vital.HEART_RATE) + ": spec " + expected + ", got "
                        + actual);
            }
        }
        // Printed to 15 digits; compared relative to its own size, since it is far below 1.
        double trend = features.get(0, Vital.TEMPERATURE, Feature.TREND);
        if (!(Math.abs(trend - PATIENT_ZERO_TEMPERATURE_TREND) <= Math.abs(PATIENT_ZERO_TEMPERATURE_TREND) * 1e-12)) {
            return Optional.of("patient 0's temperature_trend: spec " + PATIENT_ZERO_TEMPERATURE_TREND + ", got "
                    + trend);
        }
        return Optional.empty();
    }
}
