package fasterjava.vitals.steps;

import fasterjava.ladder.Step;
import fasterjava.vitals.Anomalies;
import fasterjava.vitals.Feature;
import fasterjava.vitals.Vital;
import fasterjava.vitals.VitalsFeatures;
import fasterjava.vitals.VitalsTable;
import java.util.List;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.selection.Selection;

/**
 * Step 01 — the naive loop, the ladder's reference point: the case study's first version (V1) written the
 * Tablesaw way, with the spec's definitions.
 *
 * <p>For every patient, select that patient's rows from the whole table; then, vital by vital, drop the missing
 * values (and their days), ask the column for its mean, sample standard deviation, minimum, maximum and range, ask
 * Commons Math's {@link SimpleRegression} for the slope of value on day, and loop over the values to count those
 * more than two standard deviations from the mean. Nothing is shared between patients: each one scans every row
 * of the table and builds a small table and several columns.
 *
 * <p>Why it is slow: selecting one patient reads the whole patient column, so the work grows with patients ×
 * rows — quadratic in the number of patients. At the case study's 500 patients that is 500 scans of 182,500 rows;
 * at 20,000 patients, 20,000 scans of 7.3 million. Step 02 groups the rows once instead.
 *
 * <p>Untimed: the rows become a Tablesaw table (patient index, day, six value columns with NaN for missing).
 */
public final class Step01NaiveLoop implements Step<VitalsTable, VitalsFeatures> {
    private static final String PATIENT = "patient";
    private static final String DAY = "day";
    private static final Vital[] VITALS = Vital.values();

    private Table rows;
    private List<String> patientIds;

    @Override
    public void prepare(VitalsTable table) {
        rows = Table.create("vitals", IntColumn.create(PATIENT, table.patients()), IntColumn.create(DAY,
                table.days()));
        for (Vital vital : VITALS) {
            rows.addColumns(DoubleColumn.create(vital.column(), table.values(vital)));
        }
        patientIds = table.patientIds();
    }

    @Override
    public VitalsFeatures compute(int items) {
        VitalsFeatures features = new VitalsFeatures(patientIds.subList(0, items));
        for (int patient = 0; patient < items; patient++) {
            Table patientRows = rows.where(rows.intColumn(PATIENT).isEqualTo(patient));
            for (Vital vital : VITALS) {
                describe(patientRows, vital, features.values(), patient * VitalsFeatures.COLUMNS
                        + VitalsFeatures.column(vital, Feature.MEAN));
            }
        }
        return features;
    }

    /** The eight features of one vital of one patient, written from {@code offset} in feature order. */
    private static void describe(Table patientRows, Vital vital, double[] out, int offset) {
        DoubleColumn column = patientRows.doubleColumn(vital.column());
        Selection present = column.isNotMissing();
        DoubleColumn values = column.where(present);
        NumericColumn<?> days = patientRows.intColumn(DAY).where(present);
        int m = values.size();
        double mean = Double.NaN;
        double std = Double.NaN;
        double min = Double.NaN;
        double max = Double.NaN;
        double range = Double.NaN;
        double trend = Double.NaN;
        int anomalies = 0;
        if (m > 0) {
            mean = values.mean();
            min = values.min();
            max = values.max();
            range = values.range();
            trend = 0.0;
        }
        if (m > 1) {
            // Tablesaw's standard deviation is the sample one (divisor m - 1), as the spec asks.
            std = values.standardDeviation();
            SimpleRegression regression = new SimpleRegression();
            for (int i = 0; i < m; i++) {
                regression.addData(days.getDouble(i), values.getDouble(i));
            }
            trend = regression.getSlope();
            double twoStd = 2 * std;
            boolean nearThreshold = false;
            for (int i = 0; i < m; i++) {
                double value = values.getDouble(i);
                if (Math.abs(value - mean) > twoStd) {
                    anomalies++;
                }
                nearThreshold |= Anomalies.nearThreshold(value, mean, twoStd);
            }
            if (nearThreshold) {
                anomalies = Anomalies.countExactly(values.asDoubleArray(), 0, m);
            }
        }
        int rowCount = patientRows.rowCount();
        out[offset + Feature.MEAN.ordinal()] = mean;
        out[offset + Feature.STD.ordinal()] = std;
        out[offset + Feature.MIN.ordinal()] = min;
        out[offset + Feature.MAX.ordinal()] = max;
        out[offset + Feature.RANGE.ordinal()] = range;
        out[offset + Feature.TREND.ordinal()] = trend;
        out[offset + Feature.N_ANOMALIES.ordinal()] = anomalies;
        out[offset + Feature.MISSING_PCT.ordinal()] = (double) (rowCount - m) / rowCount;
    }
}
