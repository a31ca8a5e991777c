package fasterjava.vitals.data;

import fasterjava.vitals.Vital;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The spec's row-stream SHA-256, a fingerprint of the data independent of any text form: for each row in
 * patient-major order, 64 bytes little-endian: {@code patient_id} and {@code day} as int64, the five float vitals
 * as float64 (missing = the canonical NaN {@code 0x7ff8000000000000}), {@code respiratory_rate} as int64. Feed it
 * the blocks in patient order.
 */
public final class RowStreamHash {
    /** Bytes per row in the stream. */
    static final int ROW_BYTES = 64;
    private static final int BUFFER_ROWS = 4096;

    private final MessageDigest digest;
    private final ByteBuffer buffer = ByteBuffer.allocate(ROW_BYTES * BUFFER_ROWS).order(ByteOrder.LITTLE_ENDIAN);
    private long nextPatient;

    public RowStreamHash() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The hash of a whole in-memory data set, as lowercase hex. */
    public static String of(GeneratedVitals data) {
        RowStreamHash hash = new RowStreamHash();
        hash.add(new VitalsBlock(0, data.patients(), data.days(), data.values()));
        return hash.hex();
    }

    /** Adds a block's rows; blocks must come in patient order without gaps, starting at patient 0. */
    public void add(VitalsBlock block) {
        if (block.firstPatient() != nextPatient) {
            throw new IllegalArgumentException("expected the block starting at patient " + nextPatient
                    + ", got one starting at " + block.firstPatient());
        }
        double[][] values = block.values();
        int days = block.days();
        int rows = block.rows();
        for (int row = 0; row < rows; row++) {
            buffer.putLong(block.firstPatient() + (long) (row / days));
            buffer.putLong(row % days);
            for (int vital = 0; vital < Vital.RESPIRATORY_RATE.ordinal(); vital++) {
                buffer.putLong(Double.doubleToLongBits(values[vital][row]));
            }
            buffer.putLong((long) values[Vital.RESPIRATORY_RATE.ordinal()][row]);
            if (!buffer.hasRemaining()) {
                flush();
            }
        }
        nextPatient += block.patients();
    }

    /** The SHA-256 of every row added, as lowercase hex (ends the hash: add nothing after it). */
    public String hex() {
        flush();
        return HexFormat.of().formatHex(digest.digest());
    }

    private void flush() {
        digest.update(buffer.array(), 0, buffer.position());
        buffer.clear();
    }
}
