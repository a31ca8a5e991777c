package fasterjava.util;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive claim on a file for the length of one run, so two runs cannot work on it at once (two searches
 * resuming one checkpoint would each overwrite the other's progress). It is an operating-system lock on a sibling
 * {@code NAME.lock} file holding the owner's process id: the system releases it when the process dies, however
 * it dies, so a killed run never leaves a stale lock behind.
 *
 * <p>The lock file stays in place after the run: deleting it would let a run that opened it just before the
 * deletion lock a file nobody else can see any more, and a third run lock a new one at the same time.
 */
public final class RunLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Claims {@code file} for this process. Fails with an {@link IOException} naming the file when another run holds
     * it, or when its folder cannot hold the lock file (missing, not writable): the same folder must take the file
     * itself, so this also checks that it can be written before any long work starts.
     */
    public static RunLock acquire(Path file) throws IOException {
        Path lockFile = file.toAbsolutePath().resolveSibling(file.getFileName() + ".lock");
        FileChannel channel;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
        } catch (IOException e) {
            throw new IOException("cannot create lock file " + lockFile + " for " + file + ": "
                    + AtomicFile.reason(e), e);
        }
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                throw new IOException(file + " is in use by another run" + owner(channel) + "; wait for it to "
                        + "finish or choose another file");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
                    0);
            return new RunLock(channel, lock);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static String owner(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(32);
            channel.read(buffer, 0);
            String pid = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
            return pid.matches("[0-9]+") ? " (process " + pid + ")" : "";
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
