package fasterjava.vitals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fasterjava.vitals.data.VitalsGenerator;
import fasterjava.vitals.data.VitalsLoader;
import org.junit.jupiter.api.Test;

/**
 * The oracle reproduces the spec's check figures ({@code vitals-spec.md} §3): per vital and feature, the sum over
 * the 500 patients of seed 42, and patient 0's heart rate and temperature trend.
 */
class VitalsCheckFiguresTest {
    private static final int PATIENTS = 500;
    /** Per vital in spec order: Σ mean, Σ std, Σ trend, Σ n_anomalies, Σ missing_pct. */
    private static final double[][] SUMS = {
        {36012.041090253362, 5990.983512521881, -0.223531272354, 7909, 25.178082191781},
        {59982.573495800971, 7506.763352792736, -0.132860502751, 7762, 25.427397260274},
        {39985.855342465758, 5004.640861209184, -0.026664552604, 8227, 0},
        {49300.348623234022, 249.737331282586, -0.004181122526, 7842, 25.060273972603},
        {48468.979686954466, 943.238193293939, 0.028614743853, 4821, 25.106849315068},
        {7992.972602739726, 1993.757859034638, -0.024119065305, 8047, 0}};
    private static final Feature[] SUMMED = {Feature.MEAN, Feature.STD, Feature.TREND, Feature.N_ANOMALIES,
        Feature.MISSING_PCT};
    /** The spec prints 12 decimals; sums of 500 features carry about 1e-13 of rounding besides. */
    private static final double PRINTED = 1e-11;

    @Test
    void oracleReproducesTheSpecsCheckFigures() {
        VitalsTable table = VitalsLoader.table(VitalsGenerator.generate(PATIENTS, VitalsGenerator.DEFAULT_DAYS,
                VitalsGenerator.DEFAULT_SEED));
        VitalsFeatures features = VitalsOracle.features(table);
        for (Vital vital : Vital.values()) {
            for (int f = 0; f < SUMMED.length; f++) {
                double sum = 0;
                for (int p = 0; p < PATIENTS; p++) {
                    sum += features.get(p, vital, SUMMED[f]);
                }
                double expected = SUMS[vital.ordinal()][f];
                assertEquals(expected, sum, Math.max(PRINTED, Math.abs(expected) * VitalsFeatures.TOLERANCE),
                        "Σ " + SUMMED[f].column(vital));
            }
        }
        assertEquals("0", features.patientIds().get(0));
        double[][] patientZero = {
            {72.29176136363637, 11.434800447590844, 33.1, 118.2, 118.2 - 33.1, 0.006014984112056975, 17,
                0.03561643835616438}};
        Feature[] order = Feature.values();
        for (int f = 0; f < order.length; f++) {
            double expected = patientZero[0][f];
            assertEquals(expected, features.get(0, Vital.HEART_RATE, order[f]),
                    Math.max(1, Math.abs(expected)) * VitalsFeatures.TOLERANCE, order[f].column(Vital.HEART_RATE));
        }
        // Printed to 15 digits; compared relative to its own size, since it is far below 1.
        double trend = -9.92411254461095e-05;
        assertEquals(trend, features.get(0, Vital.TEMPERATURE, Feature.TREND), Math.abs(trend) * 1e-12);
    }
}
