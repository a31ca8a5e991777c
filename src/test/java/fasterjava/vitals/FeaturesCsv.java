package fasterjava.vitals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a features CSV back (tests only): the exact inverse of the writer, checking the header on the way. */
public final class FeaturesCsv {
    private FeaturesCsv() {
    }

    public static VitalsFeatures read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<List<String>> records = records(text);
        if (!records.get(0).equals(VitalsFeatures.header())) {
            throw new IllegalArgumentException("unexpected header " + records.get(0));
        }
        List<String> ids = new ArrayList<>();
        double[] values = new double[(records.size() - 1) * VitalsFeatures.COLUMNS];
        for (int r = 1; r < records.size(); r++) {
            List<String> fields = records.get(r);
            if (fields.size() != VitalsFeatures.COLUMNS + 1) {
                throw new IllegalArgumentException("record " + r + " has " + fields.size() + " fields");
            }
            ids.add(fields.get(0));
            for (int c = 0; c < VitalsFeatures.COLUMNS; c++) {
                String field = fields.get(c + 1);
                boolean count = c % VitalsFeatures.PER_VITAL == Feature.N_ANOMALIES.ordinal();
                if (count && !field.matches("\\d+")) {
                    throw new IllegalArgumentException("count is not an integer: " + field);
                }
                values[(r - 1) * VitalsFeatures.COLUMNS + c] = field.isEmpty() ? Double.NaN
                        : Double.parseDouble(field);
            }
        }
        return new VitalsFeatures(ids, values);
    }

    /** RFC 4180 records, {@code \n} line ends, the file ending in one. */
    private static List<List<String>> records(String text) {
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("the file does not end with a line break");
        }
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
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
            } else if (c == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                records.add(fields);
                fields = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        return records;
    }
}
