package fasterjava.spark.vitals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The vitals spec's features worked out the plainest way, for the tests: rows read with a small CSV splitter,
 * patients in a {@link LinkedHashMap} (first appearance), and each feature by its textbook formula in two passes
 * (mean first, then deviations). It shares no code with the Spark job it checks.
 */
final class VitalsOracle {
    static final int VITALS = 6;
    static final int FEATURES = 8;

    private VitalsOracle() {
    }

    /** One output row: the patient and 48 features (NaN for the spec's NaN; counts as whole numbers). */
    record Features(String patient, double[] values) {
    }

    /** The features of the CSV files, read in the order given. */
    static List<Features> of(List<Path> files) throws IOException {
        Map<String, List<double[]>> patients = new LinkedHashMap<>();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                if (line.isEmpty()) {
                    continue;
                }
                List<String> fields = split(line);
                double[] row = new double[1 + VITALS];
                row[0] = Long.parseLong(fields.get(1));
                for (int v = 0; v < VITALS; v++) {
                    String text = fields.get(2 + v);
                    row[1 + v] = text.isEmpty() ? Double.NaN : Double.parseDouble(text);
                }
                patients.computeIfAbsent(fields.get(0), id -> new ArrayList<>()).add(row);
            }
        }
        List<Features> out = new ArrayList<>();
        patients.forEach((patient, rows) -> out.add(new Features(patient, features(rows))));
        return out;
    }

    private static double[] features(List<double[]> rows) {
        double[] out = new double[VITALS * FEATURES];
        for (int v = 0; v < VITALS; v++) {
            List<double[]> pairs = new ArrayList<>();
            for (double[] row : rows) {
                if (!Double.isNaN(row[1 + v])) {
                    pairs.add(new double[] {row[0], row[1 + v]});
                }
            }
            int m = pairs.size();
            double mean = Double.NaN;
            double std = Double.NaN;
            double min = Double.NaN;
            double max = Double.NaN;
            double trend = Double.NaN;
            int anomalies = 0;
            if (m > 0) {
                double sum = 0;
                double dayMean = 0;
                min = Double.POSITIVE_INFINITY;
                max = Double.NEGATIVE_INFINITY;
                for (double[] pair : pairs) {
                    sum += pair[1];
                    dayMean += pair[0];
                    min = Math.min(min, pair[1]);
                    max = Math.max(max, pair[1]);
                }
                mean = sum / m;
                dayMean /= m;
                double squares = 0;
                double products = 0;
                double daySquares = 0;
                for (double[] pair : pairs) {
                    squares += (pair[1] - mean) * (pair[1] - mean);
                    products += (pair[0] - dayMean) * (pair[1] - mean);
                    daySquares += (pair[0] - dayMean) * (pair[0] - dayMean);
                }
                trend = m == 1 ? 0.0 : products / daySquares;
                if (m > 1) {
                    std = Math.sqrt(squares / (m - 1));
                    if (std > 0) {
                        for (double[] pair : pairs) {
                            if (Math.abs(pair[1] - mean) > 2 * std) {
                                anomalies++;
                            }
                        }
                    }
                }
            }
            double[] features = {mean, std, min, max, max - min, trend, anomalies,
                (rows.size() - m) / (double) rows.size()};
            System.arraycopy(features, 0, out, v * FEATURES, FEATURES);
        }
        return out;
    }

    /** The spec's output file as rows: empty fields are NaN. */
    static List<Features> read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<Features> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> fields = split(line);
            double[] values = new double[VITALS * FEATURES];
            for (int i = 0; i < values.length; i++) {
                String text = fields.get(1 + i);
                values[i] = text.isEmpty() ? Double.NaN : Double.parseDouble(text);
            }
            out.add(new Features(fields.get(0), values));
        }
        return out;
    }

    /** The header line of an output file, split. */
    static List<String> header(Path csv) throws IOException {
        return split(Files.readAllLines(csv, StandardCharsets.UTF_8).getFirst());
    }

    /** Fields of one CSV line; a field in double quotes may hold commas, a doubled quote is a quote. */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    /**
     * Null when {@code actual} agrees with {@code expected} by the spec's rule (floats within 1e-9 · max(1,
     * |reference|), NaN where NaN, counts equal), else what differs first.
     */
    static String difference(List<Features> expected, List<Features> actual, List<String> columns) {
        if (expected.size() != actual.size()) {
            return actual.size() + " patients instead of " + expected.size();
        }
        for (int p = 0; p < expected.size(); p++) {
            Features want = expected.get(p);
            Features got = actual.get(p);
            if (!want.patient().equals(got.patient())) {
                return "row " + (p + 1) + ": patient " + got.patient() + " instead of " + want.patient();
            }
            for (int i = 0; i < want.values().length; i++) {
                double w = want.values()[i];
                double g = got.values()[i];
                boolean count = i % FEATURES == 6;
                boolean agree = Double.isNaN(w) ? Double.isNaN(g)
                        : count ? w == g : Math.abs(g - w) <= 1e-9 * Math.max(1, Math.abs(w));
                if (!agree) {
                    return "patient " + want.patient() + ", " + columns.get(1 + i) + ": " + g + " instead of " + w;
                }
            }
        }
        return null;
    }
}
