package fasterjava.vitals;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The pipeline's output ({@code vitals-spec.md} §3): per patient, in order of first appearance, the 48 features —
 * for each {@link Vital} in order, its eight {@link Feature}s. Values sit in one row-major array,
 * {@code values()[patient * COLUMNS + column(vital, feature)]}; {@code n_anomalies} is held as a double but is
 * always a whole number (exact below 2^53), NaN marks an undefined feature.
 *
 * <p>Two results agree ({@link #firstMismatch}) when every feature is within {@link #TOLERANCE}
 * {@code · max(1, |reference|)} of the reference, NaN exactly where the reference is NaN, and every anomaly count
 * is equal.
 */
public final class VitalsFeatures {
    /** The spec's relative tolerance between two results' features. */
    public static final double TOLERANCE = 1e-9;
    /** Features per vital. */
    public static final int PER_VITAL = Feature.values().length;
    /** Feature columns per patient (the output has one more: the patient id first). */
    public static final int COLUMNS = Vital.values().length * PER_VITAL;

    private static final Vital[] VITALS = Vital.values();
    private static final Feature[] FEATURES = Feature.values();

    private final List<String> patientIds;
    private final double[] values;

    /** A result for these patients with every feature 0, for a step to fill in. */
    public VitalsFeatures(List<String> patientIds) {
        this(patientIds, new double[Math.multiplyExact(patientIds.size(), COLUMNS)]);
    }

    /** A result over existing values, laid out as {@link #values()} describes (not copied). */
    public VitalsFeatures(List<String> patientIds, double[] values) {
        if (values.length != (long) patientIds.size() * COLUMNS) {
            throw new IllegalArgumentException("need " + COLUMNS + " values per patient: " + values.length
                    + " for " + patientIds.size() + " patients");
        }
        this.patientIds = patientIds;
        this.values = values;
    }

    /** The position of a feature within a patient's row: {@code vital.ordinal() * 8 + feature.ordinal()}. */
    public static int column(Vital vital, Feature feature) {
        return vital.ordinal() * PER_VITAL + feature.ordinal();
    }

    /** The output's 49 column names: {@code patient_id}, then each vital's eight features. */
    public static List<String> header() {
        List<String> names = new ArrayList<>(COLUMNS + 1);
        names.add(Vital.INPUT_HEADER.get(0));
        for (Vital vital : VITALS) {
            for (Feature feature : FEATURES) {
                names.add(feature.column(vital));
            }
        }
        return names;
    }

    public int patientCount() {
        return patientIds.size();
    }

    public List<String> patientIds() {
        return patientIds;
    }

    /** All features, row-major; steps write into it directly. */
    public double[] values() {
        return values;
    }

    public double get(int patient, Vital vital, Feature feature) {
        return values[patient * COLUMNS + column(vital, feature)];
    }

    /**
     * The first difference between this result and {@code reference} among the first {@code patients} patients,
     * described for a reader (patient, column, both values); empty if they agree.
     */
    public Optional<String> firstMismatch(VitalsFeatures reference, int patients) {
        if (patientCount() < patients || reference.patientCount() < patients) {
            return Optional.of("cannot compare " + patients + " patients: results hold " + patientCount() + " and "
                    + reference.patientCount());
        }
        for (int p = 0; p < patients; p++) {
            String expectedId = reference.patientIds.get(p);
            String actualId = patientIds.get(p);
            if (!Objects.equals(expectedId, actualId)) {
                return Optional.of("patient #" + p + ": expected id \"" + expectedId + "\", got \"" + actualId + "\"");
            }
            for (int c = 0; c < COLUMNS; c++) {
                double expected = reference.values[p * COLUMNS + c];
                double actual = values[p * COLUMNS + c];
                boolean count = FEATURES[c % PER_VITAL] == Feature.N_ANOMALIES;
                if (!(count ? expected == actual : agree(expected, actual))) {
                    String name = FEATURES[c % PER_VITAL].column(VITALS[c / PER_VITAL]);
                    return Optional.of("patient \"" + expectedId + "\" (#" + p + "), " + name + ": expected "
                            + format(expected, count) + ", got " + format(actual, count));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean agree(double expected, double actual) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) && Double.isNaN(actual);
        }
        return expected == actual || Math.abs(expected - actual) <= TOLERANCE * Math.max(1, Math.abs(expected));
    }

    private static String format(double value, boolean count) {
        return count && value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }
}
