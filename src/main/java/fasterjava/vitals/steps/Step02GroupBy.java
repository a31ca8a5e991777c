package fasterjava.vitals.steps;

import static tech.tablesaw.aggregate.AggregateFunctions.countNonMissing;
import static tech.tablesaw.aggregate.AggregateFunctions.countWithMissing;
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
import tech.tablesaw.table.TableSlice;

/**
 * Step 02 — group by: the case study's second version (V2), the pandas {@code groupby().agg()} written with
 * Tablesaw's {@code summarize(...).by(patient)}.
 *
 * <p>What changed from step 01: the rows are grouped by patient once instead of being filtered once per patient.
 * One {@code summarize} call computes what the library can aggregate per group — count, mean, sample standard
 * deviation, min and max of every vital; the trend and the anomaly count, which need each group's rows, are
 * computed per group of {@code splitOn(patient)} (pandas' {@code groupby().apply()}), reusing the group's mean and
 * standard deviation from the summary.
 *
 * <p>Why it is faster: grouping is one pass over the rows (a hash of the patient column), so the work grows
 * linearly with the data instead of with patients × rows.
 *
 * <p>What it costs: the per-group part is still one small table per patient plus boxed, column-by-column work
 * inside Tablesaw; the summary's column names are strings the code must spell the library's way
 * ({@code "Mean [heart_rate]"}). Step 03 drops the DataFrame for plain arrays.
 */
public final class Step02GroupBy implements Step<VitalsTable, VitalsFeatures> {
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
        double[] out = features.values();
        Table selected = rows.where(rows.intColumn(PATIENT).isLessThan(items));
        List<String> vitalColumns = new ArrayList<>();
        for (Vital vital : VITALS) {
            vitalColumns.add(vital.column());
        }
        Table summary = selected.summarize(vitalColumns, countWithMissing, countNonMissing, mean, stdDev, min, max)
                .by(PATIENT);
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

    /** The features the summary holds; the library's conventions for 0 or 1 values replaced by the spec's. */
    private static void summarized(Table summary, int row, Vital vital, double[] out, int offset) {
        String name = vital.column();
        double rowCount = number(summary, "Count (incl. missing) [" + name + "]", row);
        double m = number(summary, "Count [" + name + "]", row);
        double min = m > 0 ? number(summary, "Min [" + name + "]", row) : Double.NaN;
        double max = m > 0 ? number(summary, "Max [" + name + "]", row) : Double.NaN;
        out[offset + Feature.MEAN.ordinal()] = m > 0 ? number(summary, "Mean [" + name + "]", row) : Double.NaN;
        out[offset + Feature.STD.ordinal()] = m > 1 ? number(summary, "Std. Deviation [" + name + "]", row)
                : Double.NaN;
        out[offset + Feature.MIN.ordinal()] = min;
        out[offset + Feature.MAX.ordinal()] = max;
        out[offset + Feature.RANGE.ordinal()] = max - min;
        out[offset + Feature.MISSING_PCT.ordinal()] = (rowCount - m) / rowCount;
    }

    private static double number(Table summary, String column, int row) {
        return ((NumericColumn<?>) summary.column(column)).getDouble(row);
    }

    /** Trend and anomaly count of one vital of one patient's group, with the mean and std already in {@code out}. */
    private static void perGroup(Table patientRows, Vital vital, double[] out, int offset) {
        Table present = patientRows.where(patientRows.doubleColumn(vital.column()).isNotMissing());
        DoubleColumn values = present.doubleColumn(vital.column());
        int m = values.size();
        double trend = m == 0 ? Double.NaN : 0.0;
        int anomalies = 0;
        if (m > 1) {
            SimpleRegression regression = new SimpleRegression();
            IntColumn days = present.intColumn(DAY);
            for (int i = 0; i < m; i++) {
                regression.addData(days.getInt(i), values.getDouble(i));
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
        out[offset + Feature.TREND.ordinal()] = trend;
        out[offset + Feature.N_ANOMALIES.ordinal()] = anomalies;
    }
}
