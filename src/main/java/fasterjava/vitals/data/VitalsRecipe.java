package fasterjava.vitals.data;

import fasterjava.vitals.Vital;
import java.util.List;

/**
 * How the case study draws each vital ({@code vitals-spec.md} §1), the one place that holds the generator's
 * constants: five normal columns (rounded, one of them clipped first), one Poisson column, then four missing-value
 * masks.
 */
final class VitalsRecipe {

    /** {@code normal(mean, sd)} clipped to [min, max], then rounded to {@code decimals}: {@code rint(x·10^d)/10^d}. */
    record NormalColumn(Vital vital, double mean, double sd, double min, double max, int decimals) {
        /** The column's value for one standard normal draw, exactly as NumPy computes it. */
        double value(double gauss) {
            double drawn = mean + sd * gauss;
            double clipped = Math.min(Math.max(drawn, min), max);
            double scale = DECIMAL_SCALES[decimals];
            return Math.rint(clipped * scale) / scale;
        }

        /** Replaces the standard normals in {@code values[from..to)} by the column's values. */
        void toValues(double[] values, int from, int to) {
            double scale = DECIMAL_SCALES[decimals];
            double mean = this.mean;
            double sd = this.sd;
            double min = this.min;
            double max = this.max;
            for (int i = from; i < to; i++) {
                values[i] = Math.rint(Math.min(Math.max(mean + sd * values[i], min), max) * scale) / scale;
            }
        }
    }

    /** 10^d for the decimals used (NumPy's {@code round} multiplies and divides by this double). */
    private static final double[] DECIMAL_SCALES = {1.0, 10.0, 100.0};
    private static final double UNCLIPPED_MIN = Double.NEGATIVE_INFINITY;
    private static final double UNCLIPPED_MAX = Double.POSITIVE_INFINITY;

    /** The normal columns in stream order (the first five vitals). */
    static final List<NormalColumn> NORMAL_COLUMNS = List.of(
            new NormalColumn(Vital.HEART_RATE, 72, 12, UNCLIPPED_MIN, UNCLIPPED_MAX, 1),
            new NormalColumn(Vital.SYSTOLIC_BP, 120, 15, UNCLIPPED_MIN, UNCLIPPED_MAX, 1),
            new NormalColumn(Vital.DIASTOLIC_BP, 80, 10, UNCLIPPED_MIN, UNCLIPPED_MAX, 1),
            new NormalColumn(Vital.TEMPERATURE, 98.6, 0.5, UNCLIPPED_MIN, UNCLIPPED_MAX, 2),
            new NormalColumn(Vital.OXYGEN_SAT, 97, 2, 85, 100, 1));

    /** The Poisson column, drawn after the normal ones. */
    static final Vital POISSON_VITAL = Vital.RESPIRATORY_RATE;
    /** λ of {@code respiratory_rate}. */
    static final double POISSON_LAMBDA = 16;

    /** The masked vitals in stream order: one uniform per row each, missing where it is below the probability. */
    static final List<Vital> MASKED_VITALS = List.of(Vital.HEART_RATE, Vital.SYSTOLIC_BP, Vital.TEMPERATURE,
            Vital.OXYGEN_SAT);
    static final double MISSING_PROBABILITY = 0.05;

    private VitalsRecipe() {
    }

    /** Decimals of {@code vital}'s values: 1 or 2 for the normal columns, 0 for the Poisson counts. */
    static int decimals(Vital vital) {
        for (NormalColumn column : NORMAL_COLUMNS) {
            if (column.vital() == vital) {
                return column.decimals();
            }
        }
        return 0;
    }
}
