package fasterjava.vitals.data;

import fasterjava.vitals.Feature;
import fasterjava.vitals.VitalsFeatures;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes features as the spec's CSV ({@code vitals-spec.md} §3): the header {@link VitalsFeatures#header()}, then one
 * line per patient in order — the id (quoted when it holds a comma, quote or line break), then the 48 features:
 * {@code n_anomalies} as an integer, other features as the shortest decimal that reads back as the same double,
 * NaN as an empty field; {@code \n} line ends.
 *
 * <p>The file appears only when complete: lines go to a temporary file beside it, which {@link #commit} renames
 * into place. Closed without a commit (an error on the way), the temporary file is deleted and nothing is left.
 * Rows can be formatted on many threads ({@link #format}) and appended in order by one.
 */
public final class FeaturesCsvWriter implements Closeable {
    private static final int COUNT_COLUMN = Feature.N_ANOMALIES.ordinal();
    private static final byte[] HEADER = (String.join(",", VitalsFeatures.header()) + "\n")
            .getBytes(StandardCharsets.UTF_8);

    private final Path target;
    private final Path partial;
    private final OutputStream out;
    private boolean committed;

    private FeaturesCsvWriter(Path target) throws IOException {
        this.target = target;
        Path directory = target.toAbsolutePath().getParent();
        this.partial = Files.createTempFile(directory, target.getFileName().toString(), ".partial");
        OutputStream stream = null;
        try {
            stream = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16);
            stream.write(HEADER);
        } catch (IOException e) {
            if (stream != null) {
                stream.close();
            }
            Files.deleteIfExists(partial);
            throw e;
        }
        this.out = stream;
    }

    /** Starts writing {@code target}: the header now, rows with {@link #append}, the file on {@link #commit}. */
    public static FeaturesCsvWriter open(Path target) throws IOException {
        return new FeaturesCsvWriter(target);
    }

    /** Writes the whole result to {@code target} atomically. */
    public static void write(VitalsFeatures features, Path target) throws IOException {
        try (FeaturesCsvWriter writer = open(target)) {
            writer.append(format(features));
            writer.commit();
        }
    }

    /** The CSV lines of every patient in {@code features}, ready for {@link #append}. */
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

    /** Appends formatted lines ({@link #format}) after those already written. */
    public void append(byte[] lines) throws IOException {
        out.write(lines);
    }

    /** Completes the file: flushes, closes and renames it into place. */
    public void commit() throws IOException {
        out.close();
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
    }

    /** Without a commit, discards everything written: the target is left as it was. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        try {
            out.close();
        } catch (IOException ignored) {
            // The file is being discarded; a failure to flush it changes nothing.
        }
        try {
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the unfinished " + partial, e);
        }
    }
}
