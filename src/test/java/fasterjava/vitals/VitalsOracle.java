package fasterjava.vitals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The spec's features ({@code vitals-spec.md} §3) computed straight from its text, for tests: rows grouped by patient
 * id in a map (in order of first appearance), every sum exact ({@link BigDecimal} over each value's shortest
 * decimal), the anomaly test {@code |v − mean| > 2·std} decided exactly in its squared form, and each feature
 * rounded to a double once at the end. Shares no code with the steps.
 */
public final class VitalsOracle {
    private static final MathContext PRECISION = new MathContext(40);
    private static final BigDecimal FOUR = BigDecimal.valueOf(4);

    private VitalsOracle() {
    }

    /** One row of one patient: the day and the six values (null where missing). */
    private record Row(BigInteger day, BigDecimal[] values) {
    }

    /** The features of the first {@code patients} patients (in order of first appearance) of {@code table}. */
    public static VitalsFeatures features(VitalsTable table, int patients) {
        Map<String, List<Row>> byPatient = new LinkedHashMap<>();
        for (int row = 0; row < table.rowCount(); row++) {
            String id = table.patientIds().get(table.patients()[row]);
            BigDecimal[] values = new BigDecimal[Vital.values().length];
            for (Vital vital : Vital.values()) {
                double value = table.values(vital)[row];
                values[vital.ordinal()] = Double.isNaN(value) ? null : new BigDecimal(Double.toString(value));
            }
            byPatient.computeIfAbsent(id, key -> new ArrayList<>())
                    .add(new Row(BigInteger.valueOf(table.days()[row]), values));
        }
        List<String> ids = new ArrayList<>(byPatient.keySet()).subList(0, patients);
        VitalsFeatures features = new VitalsFeatures(List.copyOf(ids));
        for (int p = 0; p < patients; p++) {
            List<Row> rows = byPatient.get(ids.get(p));
            for (Vital vital : Vital.values()) {
                double[] eight = series(rows, vital.ordinal());
                System.arraycopy(eight, 0, features.values(), p * VitalsFeatures.COLUMNS
                        + VitalsFeatures.column(vital, Feature.MEAN), eight.length);
            }
        }
        return features;
    }

    public static VitalsFeatures features(VitalsTable table) {
        return features(table, table.patientCount());
    }

    /** The eight features of one vital over one patient's rows, in {@link Feature} order. */
    private static double[] series(List<Row> rows, int vital) {
        List<BigDecimal> values = new ArrayList<>();
        List<BigDecimal> days = new ArrayList<>();
        for (Row row : rows) {
            if (row.values()[vital] != null) {
                values.add(row.values()[vital]);
                days.add(new BigDecimal(row.day()));
            }
        }
        int m = values.size();
        double missingShare = BigDecimal.valueOf(rows.size() - m).divide(BigDecimal.valueOf(rows.size()),
                PRECISION).doubleValue();
        double nan = Double.NaN;
        if (m == 0) {
            return new double[] {nan, nan, nan, nan, nan, nan, 0, missingShare};
        }
        BigDecimal count = BigDecimal.valueOf(m);
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal squares = BigDecimal.ZERO;
        BigDecimal daySum = BigDecimal.ZERO;
        BigDecimal daySquares = BigDecimal.ZERO;
        BigDecimal products = BigDecimal.ZERO;
        BigDecimal min = values.get(0);
        BigDecimal max = values.get(0);
        for (int i = 0; i < m; i++) {
            BigDecimal v = values.get(i);
            BigDecimal d = days.get(i);
            sum = sum.add(v);
            squares = squares.add(v.multiply(v));
            daySum = daySum.add(d);
            daySquares = daySquares.add(d.multiply(d));
            products = products.add(d.multiply(v));
            min = min.min(v);
            max = max.max(v);
        }
        double mean = sum.divide(count, PRECISION).doubleValue();
        double range = max.subtract(min).doubleValue();
        if (m == 1) {
            return new double[] {mean, nan, min.doubleValue(), max.doubleValue(), range, 0.0, 0, missingShare};
        }
        // m·Σv² − (Σv)² = m(m−1)·variance, exactly.
        BigDecimal spread = count.multiply(squares).subtract(sum.multiply(sum));
        BigDecimal variance = spread.divide(count.multiply(count.subtract(BigDecimal.ONE)), PRECISION);
        double std = variance.sqrt(PRECISION).doubleValue();
        BigDecimal slopeNumerator = count.multiply(products).subtract(daySum.multiply(sum));
        BigDecimal slopeDenominator = count.multiply(daySquares).subtract(daySum.multiply(daySum));
        double trend = slopeNumerator.divide(slopeDenominator, PRECISION).doubleValue();
        // |v − Σv/m| > 2·sqrt(spread / (m(m−1)))  ⇔  (m−1)·(m·v − Σv)² > 4·m·spread.
        BigDecimal bound = FOUR.multiply(count).multiply(spread);
        BigDecimal lessOne = count.subtract(BigDecimal.ONE);
        int anomalies = 0;
        for (BigDecimal v : values) {
            BigDecimal t = count.multiply(v).subtract(sum);
            if (lessOne.multiply(t).multiply(t).compareTo(bound) > 0) {
                anomalies++;
            }
        }
        return new double[] {mean, std, min.doubleValue(), max.doubleValue(), range, trend, anomalies,
                missingShare};
    }
}
