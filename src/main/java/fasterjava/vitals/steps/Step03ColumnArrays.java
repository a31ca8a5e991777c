package fasterjava.vitals.steps;

import fasterjava.ladder.Step;
import fasterjava.vitals.Anomalies;
import fasterjava.vitals.Feature;
import fasterjava.vitals.Vital;
import fasterjava.vitals.VitalsFeatures;
import fasterjava.vitals.VitalsTable;
import java.util.List;

/**
 * Step 03 — column arrays: the case study's third version (V3), NumPy's idea in plain Java. The rows are laid out
 * patient-major in primitive arrays, and each statistic is one pass over them, like one NumPy reduction along the
 * day axis.
 *
 * <p>What changed from step 02: no DataFrame. {@code prepare} sorts the rows by patient (a counting sort, keeping
 * file order within a patient) into a {@code double[]} per vital and an {@code int[]} of days, with
 * {@code start[p]..start[p+1]} delimiting patient p's rows. {@code compute} then makes one pass over the selected
 * rows per statistic — count, sum, min, max, squared deviations, day sums, the slope's sums, anomalies — each
 * filling an array with one entry per patient that later passes read, the way V3 chains {@code np.nanmean},
 * {@code np.nanstd} and friends. Unlike V3, patients may have different numbers of rows (V3 reshapes into a
 * patients × days cube, which needs every series to have the same length).
 *
 * <p>Why it is faster: the values sit contiguously as primitives, so each pass is a tight loop over memory
 * with no objects, no boxing and no per-group tables.
 *
 * <p>What it costs: eight passes over the same data, plus an intermediate array per statistic. Each pass reads
 * all of a vital's values again, from memory once the data outgrow the caches. Step 04 fuses the passes.
 */
public final class Step03ColumnArrays implements Step<VitalsTable, VitalsFeatures> {
    private static final Vital[] VITALS = Vital.values();

    private List<String> patientIds;
    /** {@code start[p]..start[p+1]}: patient p's rows in the patient-major arrays. */
    private int[] start;
    private int[] days;
    /** {@code values[vital][row]}, patient-major, NaN where missing. */
    private double[][] values;

    @Override
    public void prepare(VitalsTable table) {
        int patients = table.patientCount();
        int[] rowPatients = table.patients();
        start = new int[patients + 1];
        for (int patient : rowPatients) {
            start[patient + 1]++;
        }
        for (int p = 0; p < patients; p++) {
            start[p + 1] += start[p];
        }
        int[] next = java.util.Arrays.copyOf(start, patients);
        int[] order = new int[rowPatients.length];
        for (int row = 0; row < rowPatients.length; row++) {
            order[next[rowPatients[row]]++] = row;
        }
        days = new int[order.length];
        values = new double[VITALS.length][order.length];
        for (int i = 0; i < order.length; i++) {
            days[i] = table.days()[order[i]];
        }
        for (Vital vital : VITALS) {
            double[] source = table.values(vital);
            double[] target = values[vital.ordinal()];
            for (int i = 0; i < order.length; i++) {
                target[i] = source[order[i]];
            }
        }
        patientIds = table.patientIds();
    }

    @Override
    public VitalsFeatures compute(int items) {
        VitalsFeatures features = new VitalsFeatures(patientIds.subList(0, items));
        for (Vital vital : VITALS) {
            describe(values[vital.ordinal()], items, features.values(), VitalsFeatures.column(vital, Feature.MEAN));
        }
        return features;
    }

    /** All eight features of one vital for patients {@code 0..items-1}, one pass per statistic. */
    private void describe(double[] column, int items, double[] out, int vitalOffset) {
        int[] count = new int[items];
        for (int p = 0; p < items; p++) {
            for (int i = start[p]; i < start[p + 1]; i++) {
                if (!Double.isNaN(column[i])) {
                    count[p]++;
                }
            }
        }
        double[] mean = new double[items];
        for (int p = 0; p < items; p++) {
            double sum = 0;
            for (int i = start[p]; i < start[p + 1]; i++) {
                if (!Double.isNaN(column[i])) {
                    sum += column[i];
                }
            }
            mean[p] = count[p] == 0 ? Double.NaN : sum / count[p];
        }
        double[] min = new double[items];
        for (int p = 0; p < items; p++) {
            double lowest = Double.POSITIVE_INFINITY;
            for (int i = start[p]; i < start[p + 1]; i++) {
                if (column[i] < lowest) {
                    lowest = column[i];
                }
            }
            min[p] = count[p] == 0 ? Double.NaN : lowest;
        }
        double[] max = new double[items];
        for (int p = 0; p < items; p++) {
            double highest = Double.NEGATIVE_INFINITY;
            for (int i = start[p]; i < start[p + 1]; i++) {
                if (column[i] > highest) {
                    highest = column[i];
                }
            }
            max[p] = count[p] == 0 ? Double.NaN : highest;
        }
        double[] std = new double[items];
        for (int p = 0; p < items; p++) {
            double squares = 0;
            for (int i = start[p]; i < start[p + 1]; i++) {
                if (!Double.isNaN(column[i])) {
                    double deviation = column[i] - mean[p];
                    squares += deviation * deviation;
                }
            }
            std[p] = count[p] < 2 ? Double.NaN : Math.sqrt(squares / (count[p] - 1));
        }
        double[] meanDay = new double[items];
        for (int p = 0; p < items; p++) {
            double sum = 0;
            for (int i = start[p]; i < start[p + 1]; i++) {
                if (!Double.isNaN(column[i])) {
                    sum += days[i];
                }
            }
            meanDay[p] = sum / count[p];
        }
        double[] trend = new double[items];
        for (int p = 0; p < items; p++) {
            double products = 0;
            double daySquares = 0;
            for (int i = start[p]; i < start[p + 1]; i++) {
                if (!Double.isNaN(column[i])) {
                    double dayDeviation = days[i] - meanDay[p];
                    products += dayDeviation * (column[i] - mean[p]);
                    daySquares += dayDeviation * dayDeviation;
                }
            }
            trend[p] = count[p] == 0 ? Double.NaN : count[p] == 1 ? 0.0 : products / daySquares;
        }
        int[] anomalies = new int[items];
        for (int p = 0; p < items; p++) {
            double twoStd = 2 * std[p];
            boolean nearThreshold = false;
            for (int i = start[p]; i < start[p + 1]; i++) {
                if (Math.abs(column[i] - mean[p]) > twoStd) {
                    anomalies[p]++;
                }
                nearThreshold |= Anomalies.nearThreshold(column[i], mean[p], twoStd);
            }
            if (nearThreshold) {
                anomalies[p] = Anomalies.countExactly(column, start[p], start[p + 1]);
            }
        }
        for (int p = 0; p < items; p++) {
            int offset = p * VitalsFeatures.COLUMNS + vitalOffset;
            int rows = start[p + 1] - start[p];
            out[offset + Feature.MEAN.ordinal()] = mean[p];
            out[offset + Feature.STD.ordinal()] = std[p];
            out[offset + Feature.MIN.ordinal()] = min[p];
            out[offset + Feature.MAX.ordinal()] = max[p];
            out[offset + Feature.RANGE.ordinal()] = max[p] - min[p];
            out[offset + Feature.TREND.ordinal()] = trend[p];
            out[offset + Feature.N_ANOMALIES.ordinal()] = anomalies[p];
            out[offset + Feature.MISSING_PCT.ordinal()] = (double) (rows - count[p]) / rows;
        }
    }
}
