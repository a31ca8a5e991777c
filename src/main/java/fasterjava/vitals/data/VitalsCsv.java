package fasterjava.vitals.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;

/**
 * Writes generated vitals as the spec's CSV ({@code vitals-spec.md} §1: the header, then one line per row in
 * patient-major order), atomically: into a temporary sibling that is renamed into place only when complete, so a
 * failed or interrupted run leaves no partial file. Failures name the file and the reason.
 */
public final class VitalsCsv {
    private static final int BUFFER_BYTES = 1 << 20;

    private VitalsCsv() {
    }

    /** Writes an in-memory data set to {@code file}. */
    public static void write(GeneratedVitals data, Path file) throws IOException {
        VitalsBlock all = new VitalsBlock(0, data.patients(), data.days(), data.values());
        write(java.util.List.of(all).iterator(), file);
    }

    /** Writes blocks (in patient order, from patient 0) to {@code file}. */
    public static void write(Iterator<VitalsBlock> blocks, Path file) throws IOException {
        atomically(file, out -> write(blocks, out));
    }

    /** Writes the header and the blocks' rows to {@code out}; the caller owns (and closes) the stream. */
    public static void write(Iterator<VitalsBlock> blocks, OutputStream out) throws IOException {
        CsvRowEncoder encoder = new CsvRowEncoder(BUFFER_BYTES);
        out.write(CsvRowEncoder.HEADER);
        while (blocks.hasNext()) {
            encoder.write(blocks.next(), out);
        }
    }

    /** What writes the content of a file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Runs {@code content} into a temporary sibling of {@code file} and renames it into place when complete; on any
     * failure the temporary file is removed and the error names {@code file} and the reason.
     */
    public static void atomically(Path file, Content content) throws IOException {
        Path target = file.toAbsolutePath();
        Path partial = null;
        try {
            Files.createDirectories(target.getParent());
            partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
            try (OutputStream out = Files.newOutputStream(partial)) {
                content.writeTo(out);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IOException("cannot write " + file + ": " + reason(e), e);
        } finally {
            if (partial != null) {
                Files.deleteIfExists(partial);
            }
        }
    }

    /** A readable reason: the file-system exceptions' messages are often just the path. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such directory";
        }
        if (e instanceof NotDirectoryException || e instanceof FileAlreadyExistsException) {
            return "a path component is not a directory";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
