package fasterjava.vitals;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The pipeline's input ({@code vitals-spec.md} §2) as rows, in the order they were read: per row the patient's
 * index (patients numbered {@code 0..P-1} in order of first appearance), the day, and the six vitals (NaN where
 * missing). Rows may come in any order and a patient's days need not be contiguous or equally many; grouping is
 * each ladder step's own work.
 *
 * <p>Arrays are exposed directly for speed and must not be modified by callers.
 */
public final class VitalsTable {
    private static final int VITALS = Vital.values().length;

    private final String source;
    private final List<String> patientIds;
    private final int[] patients;
    private final int[] days;
    private final double[][] values;

    /**
     * @param source where the data came from (a file, or a description of generated data)
     * @param patientIds the patients' ids, index order
     * @param patients per row, the patient's index
     * @param days per row, the day
     * @param values {@code values[vital.ordinal()][row]}, NaN where missing
     */
    public VitalsTable(String source, List<String> patientIds, int[] patients, int[] days, double[][] values) {
        if (days.length != patients.length || values.length != VITALS) {
            throw new IllegalArgumentException("need a day per row and " + VITALS + " value columns");
        }
        for (double[] column : values) {
            if (column.length != patients.length) {
                throw new IllegalArgumentException("every value column needs one entry per row: " + column.length
                        + " vs " + patients.length);
            }
        }
        this.source = source;
        this.patientIds = patientIds;
        this.patients = patients;
        this.days = days;
        this.values = values;
    }

    /**
     * A patient-major table of {@code patients × days} rows: patient {@code p}'s row for day {@code d} is row
     * {@code p * days + d}, and ids are {@code "0"..}. The value arrays are used as they are, not copied.
     */
    public static VitalsTable patientMajor(String source, int patientCount, int dayCount, double[][] values) {
        long rows = (long) patientCount * dayCount;
        if (patientCount < 0 || dayCount < 1 || rows > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("cannot hold " + patientCount + " patients x " + dayCount
                    + " days in one table");
        }
        int[] patients = new int[(int) rows];
        int[] days = new int[(int) rows];
        for (int p = 0, row = 0; p < patientCount; p++) {
            for (int d = 0; d < dayCount; d++, row++) {
                patients[row] = p;
                days[row] = d;
            }
        }
        return new VitalsTable(source, numberedIds(0, patientCount), patients, days, values);
    }

    /** The ids {@code "first"}, {@code "first+1"}, ... as a list that makes each string only when asked. */
    public static List<String> numberedIds(long first, int count) {
        return new NumberedIds(first, count);
    }

    public String source() {
        return source;
    }

    public int rowCount() {
        return patients.length;
    }

    public int patientCount() {
        return patientIds.size();
    }

    public List<String> patientIds() {
        return patientIds;
    }

    /** Per row, the patient's index. */
    public int[] patients() {
        return patients;
    }

    /** Per row, the day. */
    public int[] days() {
        return days;
    }

    /** The column of one vital, one entry per row, NaN where missing. */
    public double[] values(Vital vital) {
        return values[vital.ordinal()];
    }

    /** One line naming the data: its source and shape. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "%s: %,d patients, %,d rows", source, patientCount(),
                rowCount());
    }

    private static final class NumberedIds extends AbstractList<String> implements RandomAccess {
        private final long first;
        private final int count;

        NumberedIds(long first, int count) {
            this.first = first;
            this.count = count;
        }

        @Override
        public String get(int index) {
            if (index < 0 || index >= count) {
                throw new IndexOutOfBoundsException(index);
            }
            return Long.toString(first + index);
        }

        @Override
        public int size() {
            return count;
        }

        @Override
        public List<String> subList(int from, int to) {
            if (from < 0 || to > count || from > to) {
                throw new IndexOutOfBoundsException("subList(" + from + ", " + to + ") of " + count);
            }
            return new NumberedIds(first + from, to - from);
        }
    }
}
