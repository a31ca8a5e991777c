package fasterjava.basics.memory;

import com.sun.nio.file.ExtendedOpenOption;
import fasterjava.ladder.VerificationException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;
import java.util.zip.CRC32;

/**
 * Reading a file from the page cache and from the storage device. The cold reads use direct I/O ({@code O_DIRECT}),
 * which bypasses the page cache for this one file: no root rights needed, and the other programs' cached files
 * are left alone (dropping the whole cache through {@code /proc/sys/vm/drop_caches} would slow everyone else on
 * the machine down). Where the file system refuses direct I/O (tmpfs does), the cold figures are absent and
 * {@link Timings#directNote()} says why. Every read is checked against the bytes written (CRC-32).
 */
final class FileReads {
    static final int MIB = 1 << 20;
    static final int PAGE = 4096;

    private FileReads() {
    }

    /**
     * What was measured, in nanoseconds.
     *
     * @param fileBytes the file's size
     * @param cachedPerMib reading 1 MiB sequentially from the page cache
     * @param cachedRandomPage reading one random 4 KiB page from the page cache
     * @param directPerMib reading 1 MiB sequentially with direct I/O (NaN when not possible)
     * @param directRandomPage reading one random 4 KiB page with direct I/O (NaN when not possible)
     * @param directNote how the cold reads were made, or why they could not be
     * @param checked how many whole-file reads matched the written bytes
     */
    record Timings(long fileBytes, double cachedPerMib, double cachedRandomPage, double directPerMib,
            double directRandomPage, String directNote, int checked) {
    }

    /**
     * Writes a file of {@code mebibytes} MiB of random bytes in {@code directory}, reads it, and deletes it
     * (also on failure).
     */
    static Timings measure(Path directory, int mebibytes, int randomReads, int repeats, long seed)
            throws IOException {
        Path file = Files.createTempFile(directory, "faster-basics-memory-", ".bin");
        try {
            long expected = write(file, mebibytes, seed);
            int checked = 0;
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                ByteBuffer buffer = ByteBuffer.allocateDirect(MIB);
                if (readAll(channel, buffer, true) != expected) {
                    throw new VerificationException("page-cache read of " + file + " differs from what was written");
                }
                checked++;
                double cachedPerMib = Double.MAX_VALUE;
                for (int r = 0; r < repeats; r++) {
                    long start = System.nanoTime();
                    readAll(channel, buffer, false);
                    cachedPerMib = Math.min(cachedPerMib, (double) (System.nanoTime() - start) / mebibytes);
                }
                double cachedRandom = randomPages(channel, buffer, mebibytes, randomReads, seed);
                Direct direct = direct(file, mebibytes, randomReads, seed, expected);
                if (direct.checked) {
                    checked++;
                }
                return new Timings((long) mebibytes * MIB, cachedPerMib, cachedRandom, direct.perMib,
                        direct.randomPage, direct.note, checked);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private record Direct(double perMib, double randomPage, String note, boolean checked) {
    }

    private static Direct direct(Path file, int mebibytes, int randomReads, long seed, long expected) {
        int block;
        FileChannel channel;
        try {
            long blockSize = Files.getFileStore(file).getBlockSize();
            if (blockSize > PAGE || PAGE % blockSize != 0) {
                return new Direct(Double.NaN, Double.NaN, "cold reads not possible here: direct I/O needs "
                        + blockSize + "-byte blocks, and the page reads are " + PAGE + " bytes", false);
            }
            block = PAGE;
            channel = FileChannel.open(file, StandardOpenOption.READ, ExtendedOpenOption.DIRECT);
        } catch (IOException | UnsupportedOperationException e) {
            return new Direct(Double.NaN, Double.NaN, "cold reads not possible here: direct I/O refused on "
                    + file.getParent() + " (" + e.getMessage() + ")", false);
        }
        try (channel) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(MIB + block).alignedSlice(block).slice(0, MIB);
            // Timed first: a direct read never leaves the bytes in the page cache, so every pass is cold.
            long start = System.nanoTime();
            readAll(channel, buffer, false);
            double perMib = (double) (System.nanoTime() - start) / mebibytes;
            boolean same = readAll(channel, buffer, true) == expected;
            if (!same) {
                throw new VerificationException("direct read of " + file + " differs from what was written");
            }
            double randomPage = randomPages(channel, buffer, mebibytes, randomReads, seed + 1);
            return new Direct(perMib, randomPage, "cold reads with direct I/O (O_DIRECT, the page cache bypassed)",
                    true);
        } catch (IOException e) {
            return new Direct(Double.NaN, Double.NaN, "cold reads failed: " + e.getMessage(), false);
        }
    }

    /** Random bytes in 1 MiB writes, forced to the device (so a direct read finds nothing left to write back). */
    private static long write(Path file, int mebibytes, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] chunk = new byte[MIB];
        CRC32 crc = new CRC32();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            for (int m = 0; m < mebibytes; m++) {
                random.nextBytes(chunk);
                crc.update(chunk);
                ByteBuffer buffer = ByteBuffer.wrap(chunk);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
            channel.force(true);
        }
        return crc.getValue();
    }

    /** Reads the whole file in buffer-sized pieces; returns its CRC-32 when {@code check}, else 0. */
    private static long readAll(FileChannel channel, ByteBuffer buffer, boolean check) throws IOException {
        CRC32 crc = new CRC32();
        long position = 0;
        long size = channel.size();
        while (position < size) {
            buffer.clear();
            int n = channel.read(buffer, position);
            if (n <= 0) {
                throw new IOException("unexpected end of file at byte " + position + " of " + size);
            }
            position += n;
            if (check) {
                buffer.flip();
                crc.update(buffer);
            }
        }
        return check ? crc.getValue() : 0;
    }

    /** Mean nanoseconds per read of one 4 KiB page at a random page-aligned offset. */
    private static double randomPages(FileChannel channel, ByteBuffer buffer, int mebibytes, int reads, long seed)
            throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        int pages = mebibytes * (MIB / PAGE);
        ByteBuffer page = buffer.duplicate();
        long start = 0;
        // The first tenth is untimed: it compiles the read path (and, cached, touches nothing new).
        for (int r = -reads / 10; r < reads; r++) {
            if (r == 0) {
                start = System.nanoTime();
            }
            page.clear().limit(PAGE);
            long position = (long) random.nextInt(pages) * PAGE;
            if (channel.read(page, position) != PAGE) {
                throw new IOException("short read at byte " + position);
            }
        }
        return (double) (System.nanoTime() - start) / reads;
    }
}
