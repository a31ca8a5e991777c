package fasterjava.util;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Every file the project writes goes through here, so every one behaves like a file written by any other tool and
 * never leaves a broken one behind:
 * <ul>
 *   <li>the content goes to a temporary sibling {@code .NAME.partial} that is renamed over {@code NAME} only when
 *       complete, so a failed or killed run never leaves a truncated file (and never replaces a good one); the
 *       name is fixed, so a rerun replaces what a {@code kill -9} left, and a shutdown hook deletes it when the
 *       JVM is stopped (Ctrl-C, SIGTERM);</li>
 *   <li>a new file gets the permissions the umask gives (0644 under the usual 022); an existing file keeps its
 *       own;</li>
 *   <li>a symbolic link is written through to its target (the link stays a link); a directory, FIFO, device or
 *       socket is refused rather than replaced by a plain file;</li>
 *   <li>an error names the file, the operation and the reason in words.</li>
 * </ul>
 */
public final class AtomicFile {
    /** Temporary files being written now: deleted by the shutdown hook if the JVM stops before they are renamed. */
    private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> PENDING.forEach(AtomicFile::deleteQuietly),
                "delete-partial-files"));
    }

    private AtomicFile() {
    }

    /** What writes a file's content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes {@code content} to {@code file} atomically, through a 1 MiB buffer. */
    public static void write(Path file, Content content) throws IOException {
        Path target = destination(file);
        Path folder = target.getParent();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new IOException("cannot write " + file + ": " + reason(e), e);
        }
        Path partial = partial(target);
        PENDING.add(partial);
        try {
            // What a killed earlier run left; deleting (never following) it also defuses a planted link.
            Files.deleteIfExists(partial);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 20)) {
                content.writeTo(out);
            }
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new IOException("cannot write " + file + ": " + reason(e), e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(partial);
            throw e;
        }
        try {
            keepPermissions(target, partial);
            try {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IOException("cannot write " + file + " (renaming its finished temporary file into place): "
                    + reason(e), e);
        } finally {
            deleteQuietly(partial);
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

    /**
     * Fails now, naming the file and the reason, if {@link #write} could certainly not write {@code file}: it is a
     * directory or special file, or its folder cannot be created or written. Commands call it before long work, so
     * a typo in an output path costs seconds, not the run.
     */
    public static void checkWritable(Path file) throws IOException {
        Path target = destination(file);
        checkFolderWritable(target.getParent(), "cannot write " + file);
    }

    /** As {@link #checkWritable}, for a folder that files will be written into (created if missing). */
    public static void checkWritableFolder(Path folder) throws IOException {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IOException("cannot write into " + folder + ": it is not a directory");
        }
        checkFolderWritable(folder.toAbsolutePath(), "cannot write into " + folder);
    }

    private static void checkFolderWritable(Path folder, String what) throws IOException {
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new IOException(what + ": no such file or directory");
        }
        if (!Files.isDirectory(existing)) {
            throw new IOException(what + ": a path component is not a directory");
        }
        if (!Files.isWritable(existing)) {
            throw new IOException(what + ": permission denied (" + existing + " is not writable)");
        }
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
        if (e instanceof DirectoryNotEmptyException) {
            return "a directory is in the way";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The file the content really goes to: a link's target; refused if it exists but is not a regular file. */
    private static Path destination(Path file) throws IOException {
        Path target = file.toAbsolutePath();
        if (Files.isSymbolicLink(target)) {
            try {
                target = target.toRealPath();
            } catch (IOException e) {
                throw new IOException("cannot write " + file + ": it is a symbolic link to a missing file ("
                        + Files.readSymbolicLink(target) + ")", e);
            }
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target)) {
            String kind = Files.isDirectory(target) ? "a directory" : "not a regular file (a FIFO, device or socket)";
            throw new IOException("cannot write " + file + ": it is " + kind + "; refusing to replace it");
        }
        return target;
    }

    private static Path partial(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".partial");
    }

    /** An existing file keeps its permissions; a new one has the umask's, from its creation. */
    private static void keepPermissions(Path target, Path partial) throws IOException {
        if (!Files.exists(target)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(partial, Files.getPosixFilePermissions(target));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the new file inherits the folder's access rules, like any other file created there.
        }
    }

    private static void deleteQuietly(Path partial) {
        try {
            Files.deleteIfExists(partial);
        } catch (IOException ignored) {
            // Nothing more to do: the next run with the same output replaces it.
        }
        PENDING.remove(partial);
    }
}
