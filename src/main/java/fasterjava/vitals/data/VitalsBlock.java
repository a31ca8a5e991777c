package fasterjava.vitals.data;

import fasterjava.vitals.Vital;

/**
 * Patients [firstPatient, firstPatient + patients) of a generated data set, laid out like
 * {@link GeneratedVitals#values()}: {@code values[vital.ordinal()][(patient - firstPatient) * days + day]}.
 */
public record VitalsBlock(int firstPatient, int patients, int days, double[][] values) {

    public VitalsBlock {
        if (firstPatient < 0) {
            throw new IllegalArgumentException("first patient must not be negative, got " + firstPatient);
        }
        checkShape(patients, days, values);
    }

    /** Rows in this block: patients × days. */
    public int rows() {
        return patients * days;
    }

    static void checkShape(int patients, int days, double[][] values) {
        if (patients < 1 || days < 1) {
            throw new IllegalArgumentException("need at least one patient and one day, got " + patients
                    + " patients and " + days + " days");
        }
        int vitals = Vital.values().length;
        if (values.length != vitals) {
            throw new IllegalArgumentException("expected " + vitals + " value columns, got " + values.length);
        }
        long rows = (long) patients * days;
        for (double[] column : values) {
            if (column.length != rows) {
                throw new IllegalArgumentException("expected " + rows + " rows per column, got " + column.length);
            }
        }
    }
}
