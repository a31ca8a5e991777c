package fasterjava.vitals.data;

import fasterjava.util.AtomicFile;
import fasterjava.util.Progress;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * Writes generated vitals as the spec's CSV ({@code vitals-spec.md} §1: the header, then one line per row in
 * patient-major order), atomically: into a temporary sibling that is renamed into place only when complete, so a
 * failed or interrupted run leaves no partial file. Failures name the file and the reason.
 */
public final class VitalsCsv {
    private static final int BUFFER_BYTES = 1 << 20;
    /** Rows per generated block when streaming: large enough to amortise a block, small enough to stay cheap. */
    private static final int ROWS_PER_BLOCK = 1 << 19;
    /** Blocks generated ahead of the writer. */
    private static final int BLOCKS_AHEAD = 2;

    private VitalsCsv() {
    }

    /** Writes an in-memory data set to {@code file}. */
    public static void write(GeneratedVitals data, Path file) throws IOException {
        VitalsBlock all = new VitalsBlock(0, data.patients(), data.days(), data.values());
        AtomicFile.write(file, out -> write(List.of(all).iterator(), out));
    }

    /**
     * Streams a whole data set to {@code file} in bounded memory: the first pass, then blocks generated on another
     * thread while this one encodes and writes. Progress is reported for both, the second in patients. The
     * temporary file is created first, so an unwritable destination fails before any generating.
     */
    public static void write(VitalsStream stream, Path file, Progress progress) throws IOException {
        int patientsPerBlock = Math.max(1, Math.min(stream.patients(), ROWS_PER_BLOCK / stream.days()));
        AtomicFile.write(file, out -> {
            stream.prepare(patientsPerBlock, progress);
            progress.start("writing " + file.getFileName(), stream.patients());
            try (BlockPrefetcher blocks = new BlockPrefetcher(stream.blocks(patientsPerBlock), BLOCKS_AHEAD)) {
                CsvRowEncoder encoder = new CsvRowEncoder(BUFFER_BYTES);
                out.write(CsvRowEncoder.HEADER);
                while (blocks.hasNext()) {
                    VitalsBlock block = blocks.next();
                    encoder.write(block, out);
                    progress.advance(block.patients());
                }
            }
            progress.finish();
        });
    }

    /** Writes the header and the blocks' rows to {@code out}; the caller owns (and closes) the stream. */
    public static void write(Iterator<VitalsBlock> blocks, OutputStream out) throws IOException {
        CsvRowEncoder encoder = new CsvRowEncoder(BUFFER_BYTES);
        out.write(CsvRowEncoder.HEADER);
        while (blocks.hasNext()) {
            encoder.write(blocks.next(), out);
        }
    }
}
