package fasterjava.vitals.data;

import fasterjava.util.AtomicFile;
import fasterjava.vitals.Feature;
import fasterjava.vitals.VitalsFeatures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes features as the spec's CSV ({@code vitals-spec.md} §3): the header {@link VitalsFeatures#header()}, then one
 * line per patient in order — the id (quoted when it holds a comma, quote or line break), then the 48 features:
 * {@code n_anomalies} as an integer, other features as the shortest decimal that reads back as the same double,
 * NaN as an empty field; {@code \n} line ends. Files are written atomically ({@link VitalsCsv#atomically}); lines can
 * be formatted on many threads ({@link #format}) and written in order by one.
 */
public final class FeaturesCsvWriter {
    private static final int COUNT_COLUMN = Feature.N_ANOMALIES.ordinal();
    private static final byte[] HEADER = (String.join(",", VitalsFeatures.header()) + "\n")
            .getBytes(StandardCharsets.UTF_8);

    private FeaturesCsvWriter() {
    }

    /** Writes the whole result to {@code target}; an error names the file and leaves nothing behind. */
    public static void write(VitalsFeatures features, Path target) throws IOException {
        byte[] lines = format(features);
        AtomicFile.write(target, out -> {
            out.write(HEADER);
            out.write(lines);
        });
    }

    /** The header line. */
    public static byte[] header() {
        return HEADER.clone();
    }

    /** The CSV lines of every patient in {@code features}, in order. */
    public static byte[] format(VitalsFeatures features) {
        double[] values = features.values();
        StringBuilder text = new StringBuilder(features.patientCount() * 700);
        for (int p = 0; p < features.patientCount(); p++) {
            appendId(text, features.patientIds().get(p));
            for (int c = 0; c < VitalsFeatures.COLUMNS; c++) {
                double value = values[p * VitalsFeatures.COLUMNS + c];
                text.append(',');
                if (Double.isNaN(value)) {
                    continue;
                }
                if (c % VitalsFeatures.PER_VITAL == COUNT_COLUMN) {
                    text.append((long) value);
                } else {
                    text.append(value);
                }
            }
            text.append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void appendId(StringBuilder text, String id) {
        boolean quote = false;
        for (int i = 0; i < id.length() && !quote; i++) {
            char c = id.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            text.append(id);
            return;
        }
        text.append('"');
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            text.append(c == '"' ? "\"\"" : String.valueOf(c));
        }
        text.append('"');
    }
}
