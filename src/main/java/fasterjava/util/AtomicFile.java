package fasterjava.util;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Every file the project writes goes through here: into a temporary sibling that is renamed into place only when
 * complete, so a failed or interrupted run never leaves a truncated file (and never replaces a good one); the file
 * is readable by all, like any other result; an error names the file and the reason in words.
 */
public final class AtomicFile {
    private AtomicFile() {
    }

    /** What writes a file's content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes {@code content} to {@code file} atomically, through a 1 MiB buffer. */
    public static void write(Path file, Content content) throws IOException {
        Path target = file.toAbsolutePath();
        Path partial = null;
        try {
            Files.createDirectories(target.getParent());
            partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 20)) {
                content.writeTo(out);
            }
            readableByAll(partial);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IOException("cannot write " + file + ": " + reason(e), e);
        } finally {
            if (partial != null) {
                Files.deleteIfExists(partial);
            }
        }
    }

    /** Writes {@code text} as UTF-8. */
    public static void writeText(Path file, String text) throws IOException {
        write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes {@code chart} as a PNG. */
    public static void writePng(Path file, Chart<?, ?> chart) throws IOException {
        write(file, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
    }

    /** A readable reason: the file-system exceptions' messages are often just the path. */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof NotDirectoryException || e instanceof FileAlreadyExistsException) {
            return "a path component is not a directory";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Temporary files are created owner-only; results are for everyone who can see the directory. */
    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the default permissions are already the directory's.
        }
    }
}
