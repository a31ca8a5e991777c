package fasterjava.vitals;

/**
 * The eight features of one series computed from its doubles, for data that fixed point cannot hold: values with
 * more than four decimals or beyond 16 bits once scaled, or a patient whose days span more than 32,767. The
 * fixed-point steps fall back to this for such series, so they stay correct on any input.
 *
 * <p>Two passes, the textbook way: the means first, then deviations from them (squared for the variance,
 * multiplied by the day's deviation for the slope), which keeps full precision whatever the values' magnitude.
 * Anomalies are counted against the mean and std, with ties decided by {@link Anomalies}.
 */
public final class DoubleSeries {
    private DoubleSeries() {
    }

    /**
     * Writes the eight features (in {@link Feature} order, from {@code offset}) of the series
     * {@code values[from..to)} with days {@code days[from..to)}; NaN values are missing.
     */
    public static void describe(double[] values, int[] days, int from, int to, double[] out, int offset) {
        int m = 0;
        double sum = 0;
        double daySum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            double value = values[i];
            if (!Double.isNaN(value)) {
                m++;
                sum += value;
                daySum += days[i];
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        double mean = Double.NaN;
        double std = Double.NaN;
        double trend = Double.NaN;
        int anomalies = 0;
        if (m == 0) {
            min = Double.NaN;
            max = Double.NaN;
        } else {
            mean = sum / m;
            trend = 0.0;
        }
        if (m > 1) {
            double meanDay = daySum / m;
            double squares = 0;
            double products = 0;
            double daySquares = 0;
            for (int i = from; i < to; i++) {
                double value = values[i];
                if (!Double.isNaN(value)) {
                    double deviation = value - mean;
                    double dayDeviation = days[i] - meanDay;
                    squares += deviation * deviation;
                    products += dayDeviation * deviation;
                    daySquares += dayDeviation * dayDeviation;
                }
            }
            std = Math.sqrt(squares / (m - 1));
            trend = products / daySquares;
            double twoStd = 2 * std;
            boolean nearThreshold = false;
            for (int i = from; i < to; i++) {
                double value = values[i];
                if (Math.abs(value - mean) > twoStd) {
                    anomalies++;
                }
                nearThreshold |= Anomalies.nearThreshold(value, mean, twoStd);
            }
            if (nearThreshold) {
                anomalies = Anomalies.countExactly(values, from, to);
            }
        }
        out[offset + Feature.MEAN.ordinal()] = mean;
        out[offset + Feature.STD.ordinal()] = std;
        out[offset + Feature.MIN.ordinal()] = min;
        out[offset + Feature.MAX.ordinal()] = max;
        out[offset + Feature.RANGE.ordinal()] = max - min;
        out[offset + Feature.TREND.ordinal()] = trend;
        out[offset + Feature.N_ANOMALIES.ordinal()] = anomalies;
        out[offset + Feature.MISSING_PCT.ordinal()] = (double) (to - from - m) / (to - from);
    }
}
