package fasterjava.vitals.data;

import fasterjava.vitals.Vital;

/**
 * The spec's data in memory, patient-major: {@code values[vital.ordinal()][patient * days + day]}, NaN where a
 * value is missing; {@code respiratory_rate} holds whole numbers. Patient ids are 0..patients-1, days
 * 0..days-1.
 */
public record GeneratedVitals(int patients, int days, long seed, double[][] values) {

    public GeneratedVitals {
        VitalsBlock.checkShape(patients, days, values);
    }

    /** Rows in all: patients × days. */
    public int rows() {
        return patients * days;
    }

    /** One value (NaN if missing). */
    public double value(Vital vital, int patient, int day) {
        return values[vital.ordinal()][patient * days + day];
    }
}
