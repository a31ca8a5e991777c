package fasterjava.vitals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sum of every feature column over all patients, to compare two runs at a glance (the spec's check figures are
 * such sums). NaN features are skipped, as pandas' {@code sum()} does. The order of the additions is fixed — within
 * parts of {@link #PATIENTS_PER_PART} consecutive patients, then the parts' sums in order — so a streamed run whose
 * blocks finish in any order and an in-memory run over the same features give the same bits.
 */
public final class FeatureChecksum {
    /** Patients per part; a streamed run uses blocks of this size so that its parts are these. */
    public static final int PATIENTS_PER_PART = 512;

    private FeatureChecksum() {
    }

    /**
     * The column sums of the features of patients {@code first..first+patients-1}, {@code values} laid out as in a
     * result.
     */
    public static double[] partSums(double[] values, int first, int patients) {
        double[] sums = new double[VitalsFeatures.COLUMNS];
        for (int p = first; p < first + patients; p++) {
            for (int c = 0; c < VitalsFeatures.COLUMNS; c++) {
                double value = values[p * VitalsFeatures.COLUMNS + c];
                if (!Double.isNaN(value)) {
                    sums[c] += value;
                }
            }
        }
        return sums;
    }

    /** The parts' sums added in order, by column name ({@code heart_rate_mean}, ...), in the output's order. */
    public static Map<String, Double> combine(List<double[]> partSums) {
        double[] totals = new double[VitalsFeatures.COLUMNS];
        for (double[] part : partSums) {
            for (int c = 0; c < totals.length; c++) {
                totals[c] += part[c];
            }
        }
        List<String> names = VitalsFeatures.header();
        Map<String, Double> byName = new LinkedHashMap<>();
        for (int c = 0; c < totals.length; c++) {
            byName.put(names.get(c + 1), totals[c]);
        }
        return byName;
    }

    /** The checksum of a whole result. */
    public static Map<String, Double> of(VitalsFeatures features) {
        List<double[]> parts = new java.util.ArrayList<>();
        double[] values = features.values();
        for (int first = 0; first < features.patientCount(); first += PATIENTS_PER_PART) {
            parts.add(partSums(values, first, Math.min(PATIENTS_PER_PART, features.patientCount() - first)));
        }
        return combine(parts);
    }
}
