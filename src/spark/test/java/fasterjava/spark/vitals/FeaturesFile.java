package fasterjava.spark.vitals;

import fasterjava.vitals.VitalsFeatures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the Spark job's output CSV back into {@link VitalsFeatures}, to compare it with a single-machine result. */
final class FeaturesFile {
    private FeaturesFile() {
    }

    /** The header's column names. */
    static List<String> header(Path csv) throws IOException {
        return split(Files.readAllLines(csv, StandardCharsets.UTF_8).getFirst());
    }

    /** The rows: the patient id, then 48 features, an empty field read as NaN. */
    static VitalsFeatures read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> ids = new ArrayList<>();
        double[] values = new double[(lines.size() - 1) * VitalsFeatures.COLUMNS];
        for (int row = 1; row < lines.size(); row++) {
            List<String> fields = split(lines.get(row));
            if (fields.size() != VitalsFeatures.COLUMNS + 1) {
                throw new AssertionError(csv + " line " + (row + 1) + " has " + fields.size() + " fields");
            }
            ids.add(fields.getFirst());
            for (int c = 0; c < VitalsFeatures.COLUMNS; c++) {
                String text = fields.get(c + 1);
                values[(row - 1) * VitalsFeatures.COLUMNS + c] = text.isEmpty() ? Double.NaN
                        : Double.parseDouble(text);
            }
        }
        return new VitalsFeatures(ids, values);
    }

    /** Fields of one CSV line as Spark writes them: a field in double quotes may hold commas and doubled quotes. */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
