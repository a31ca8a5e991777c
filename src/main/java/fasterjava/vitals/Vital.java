package fasterjava.vitals;

import java.util.List;

/**
 * The six vital signs, in the spec's column order ({@code vitals-spec.md} §1): the order of the input CSV's value
 * columns, of the generator's random stream, and of the output's feature groups. {@link #ordinal()} indexes every
 * per-vital array in the project.
 */
public enum Vital {
    HEART_RATE("heart_rate"),
    SYSTOLIC_BP("systolic_bp"),
    DIASTOLIC_BP("diastolic_bp"),
    TEMPERATURE("temperature"),
    OXYGEN_SAT("oxygen_sat"),
    RESPIRATORY_RATE("respiratory_rate");

    /** The input CSV's header: patient id, day, then the six vitals. */
    public static final List<String> INPUT_HEADER = List.of("patient_id", "day", "heart_rate", "systolic_bp",
            "diastolic_bp", "temperature", "oxygen_sat", "respiratory_rate");

    private final String column;

    Vital(String column) {
        this.column = column;
    }

    /** The CSV column name, e.g. {@code heart_rate}. */
    public String column() {
        return column;
    }
}
