package fasterjava.vitals.steps;

import static tech.tablesaw.aggregate.AggregateFunctions.max;
import static tech.tablesaw.aggregate.AggregateFunctions.mean;
import static tech.tablesaw.aggregate.AggregateFunctions.min;
import static tech.tablesaw.aggregate.AggregateFunctions.stdDev;

import fasterjava.ladder.Step;
import fasterjava.vitals.Anomalies;
import fasterjava.vitals.Feature;
import fasterjava.vitals.Vital;
import fasterjava.vitals.VitalsFeatures;
import fasterjava.vitals.VitalsTable;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.selection.Selection;
import tech.tablesaw.table.TableSlice;

/**
 * Step 02 — group by: the case study's second version (V2), pandas' {@code groupby().agg()} written with Tablesaw's
 * {@code summarize(...).by(patient)}.
 *
 * <p>What changed from step 01: the rows are grouped by patient once instead of being filtered once per patient.
 * One {@code summarize} call computes what the library aggregates per group — mean, sample standard deviation,
 * min and max of every vital; the trend, the anomaly count and the missing share, which need each group's rows,
 * are computed per group of {@code splitOn(patient)} (pandas' {@code groupby().apply()}), with the group's mean
 * and standard deviation from the summary. {@code prepare} sorts the rows by patient, so the first {@code items}
 * patients are the table's first rows.
 *
 * <p>Why it can be faster: grouping is one pass over the rows (a hash of the patient column), so the work grows
 * linearly with the data instead of with patients × rows.
 *
 * <p>What it costs: Tablesaw is not pandas here. Its group-by makes a new column object — with its own number
 * formatter — for every group, vital and aggregate, and the per-group part builds a small table per patient; that
 * overhead per patient is far larger than step 01's scan of a small table, so at the case study's 500 patients
 * this step is slower than step 01, and it wins only once the table is large enough for step 01's scans to
 * dominate. The summary's columns must be found by the names the library gives them ({@code "Mean [heart_rate]"}).
 * Step 03 drops the DataFrame for plain arrays.
 */
public final class Step02GroupBy implements Step<VitalsTable, VitalsFeatures> {
    private static final String PATIENT = "patient";
    private static final String DAY = "day";
    private static final Vital[] VITALS = Vital.values();

    private Table rows;
    private List<String> patientIds;
    /** Patients {@code 0..p-1} are the first {@code end[p]} rows of {@link #rows}. */
    private int[] end;

    @Override
    public void prepare(VitalsTable table) {
        Table unsorted = Table.create("vitals", IntColumn.create(PATIENT, table.patients()), IntColumn.create(DAY,
                table.days()));
        for (Vital vital : VITALS) {
            unsorted.addColumns(DoubleColumn.create(vital.column(), table.values(vital)));
        }
        rows = isSorted(table.patients()) ? unsorted : unsorted.sortAscendingOn(PATIENT);
        end = new int[table.patientCount() + 1];
        for (int patient : table.patients()) {
            end[patient + 1]++;
        }
        for (int p = 0; p < table.patientCount(); p++) {
            end[p + 1] += end[p];
        }
        patientIds = table.patientIds();
    }

    private static boolean isSorted(int[] patients) {
        for (int row = 1; row < patients.length; row++) {
            if (patients[row] < patients[row - 1]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public VitalsFeatures compute(int items) {
        VitalsFeatures features = new VitalsFeatures(patientIds.subList(0, items));
        double[] out = features.values();
        Table selected = rows.first(end[items]);
        List<String> vitalColumns = new ArrayList<>();
        for (Vital vital : VITALS) {
            vitalColumns.add(vital.column());
        }
        Table summary = selected.summarize(vitalColumns, mean, stdDev, min, max).by(PATIENT);
        IntColumn summaryPatients = summary.intColumn(PATIENT);
        for (int row = 0; row < summary.rowCount(); row++) {
            int patient = summaryPatients.getInt(row);
            for (Vital vital : VITALS) {
                summarized(summary, row, vital, out, offset(patient, vital));
            }
        }
        for (TableSlice group : selected.splitOn(PATIENT)) {
            Table patientRows = group.asTable();
            int patient = patientRows.intColumn(PATIENT).getInt(0);
            for (Vital vital : VITALS) {
                perGroup(patientRows, vital, out, offset(patient, vital));
            }
        }
        return features;
    }

    private static int offset(int patient, Vital vital) {
        return patient * VitalsFeatures.COLUMNS + VitalsFeatures.column(vital, Feature.MEAN);
    }

    /** The features the summary holds (the library gives NaN where a patient has no value). */
    private static void summarized(Table summary, int row, Vital vital, double[] out, int offset) {
        String name = vital.column();
        double min = number(summary, "Min [" + name + "]", row);
        double max = number(summary, "Max [" + name + "]", row);
        out[offset + Feature.MEAN.ordinal()] = number(summary, "Mean [" + name + "]", row);
        out[offset + Feature.STD.ordinal()] = number(summary, "Std. Deviation [" + name + "]", row);
        out[offset + Feature.MIN.ordinal()] = min;
        out[offset + Feature.MAX.ordinal()] = max;
        out[offset + Feature.RANGE.ordinal()] = max - min;
    }

    private static double number(Table summary, String column, int row) {
        return ((NumericColumn<?>) summary.column(column)).getDouble(row);
    }

    /**
     * Trend, anomaly count and missing share of one vital of one patient's group, with the summary's mean and std
     * already in {@code out}; the std of a single value, which the library gives as 0, becomes the spec's NaN.
     */
    private static void perGroup(Table patientRows, Vital vital, double[] out, int offset) {
        DoubleColumn column = patientRows.doubleColumn(vital.column());
        Selection present = column.isNotMissing();
        DoubleColumn values = column.where(present);
        NumericColumn<?> days = patientRows.intColumn(DAY).where(present);
        int m = values.size();
        double trend = m == 0 ? Double.NaN : 0.0;
        int anomalies = 0;
        if (m > 1) {
            SimpleRegression regression = new SimpleRegression();
            for (int i = 0; i < m; i++) {
                regression.addData(days.getDouble(i), values.getDouble(i));
            }
            trend = regression.getSlope();
            double mean = out[offset + Feature.MEAN.ordinal()];
            double twoStd = 2 * out[offset + Feature.STD.ordinal()];
            DoubleColumn deviations = values.subtract(mean).abs();
            anomalies = deviations.isGreaterThan(twoStd).size();
            boolean nearThreshold = false;
            for (int i = 0; i < m; i++) {
                nearThreshold |= Anomalies.nearThreshold(values.getDouble(i), mean, twoStd);
            }
            if (nearThreshold) {
                anomalies = Anomalies.countExactly(values.asDoubleArray(), 0, m);
            }
        }
        if (m == 1) {
            out[offset + Feature.STD.ordinal()] = Double.NaN;
        }
        out[offset + Feature.TREND.ordinal()] = trend;
        out[offset + Feature.N_ANOMALIES.ordinal()] = anomalies;
        out[offset + Feature.MISSING_PCT.ordinal()] = (double) (patientRows.rowCount() - m) / patientRows.rowCount();
    }
}
