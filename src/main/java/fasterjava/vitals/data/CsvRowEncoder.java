package fasterjava.vitals.data;

import fasterjava.vitals.Vital;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Encodes generated rows as the spec's CSV text into a byte buffer: integers plainly, each vital as the shortest
 * decimal that reads back to the same double (what pandas' {@code to_csv} and Java's {@code Double.toString} both
 * print for these values), a missing value as an empty field, {@code \n} line ends.
 *
 * <p>Hand-rolled rather than {@code Double.toString} plus a {@code Writer} because formatting is most of the cost
 * of writing hundreds of millions of rows: a generated value is {@code m / 10^d} for an integer m and its
 * decimals d, so its shortest decimal is m's digits with a point d places from the right (trailing zeros after
 * the first decimal dropped), written straight into bytes. A value that is not of that form (not from the
 * generator) falls back to {@code Double.toString}.
 */
final class CsvRowEncoder {
    /** Longest row: two ints, five doubles from {@code Double.toString} (at most 24 chars), a long, separators. */
    static final int MAX_ROW_BYTES = 2 * 11 + 5 * 24 + 20 + 8;
    static final byte[] HEADER = (String.join(",", Vital.INPUT_HEADER) + "\n").getBytes(StandardCharsets.US_ASCII);
    private static final double[] SCALES = {1, 10, 100};

    private final int[] decimals = new int[Vital.values().length];
    private byte[] bytes;
    private int length;

    CsvRowEncoder(int capacity) {
        bytes = new byte[Math.max(capacity, MAX_ROW_BYTES)];
        for (Vital vital : Vital.values()) {
            decimals[vital.ordinal()] = VitalsRecipe.decimals(vital);
        }
    }

    /** Bytes encoded since the last {@link #clear()}. */
    int length() {
        return length;
    }

    byte[] bytes() {
        return bytes;
    }

    void clear() {
        length = 0;
    }

    /** Encodes all of a block's rows, growing the buffer as needed. */
    void encode(VitalsBlock block) {
        ensure((long) block.rows() * MAX_ROW_BYTES);
        encodeRows(block, 0, block.rows());
    }

    /** Encodes a block's rows straight to {@code out} through this encoder's buffer (its capacity). */
    void write(VitalsBlock block, OutputStream out) throws IOException {
        int rowsPerFill = bytes.length / MAX_ROW_BYTES;
        for (int row = 0; row < block.rows(); row += rowsPerFill) {
            encodeRows(block, row, Math.min(block.rows(), row + rowsPerFill));
            out.write(bytes, 0, length);
            clear();
        }
    }

    private void ensure(long more) {
        long needed = length + more;
        if (needed > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a block of " + more + " bytes is too large to encode at once");
        }
        if (needed > bytes.length) {
            bytes = java.util.Arrays.copyOf(bytes, (int) Math.max(needed, Math.min(Integer.MAX_VALUE - 8L,
                    2L * bytes.length)));
        }
    }

    private void encodeRows(VitalsBlock block, int fromRow, int toRow) {
        double[][] values = block.values();
        int days = block.days();
        byte[] out = bytes;
        int at = length;
        for (int row = fromRow; row < toRow; row++) {
            at = writeLong(out, at, block.firstPatient() + row / days);
            out[at++] = ',';
            at = writeLong(out, at, row % days);
            for (int vital = 0; vital < values.length; vital++) {
                out[at++] = ',';
                at = writeValue(out, at, values[vital][row], decimals[vital]);
            }
            out[at++] = '\n';
        }
        length = at;
    }

    /** Writes {@code value} (a generated value with {@code decimals} decimals) as its shortest decimal. */
    static int writeValue(byte[] out, int at, double value, int decimals) {
        if (Double.isNaN(value)) {
            return at;
        }
        double scale = SCALES[decimals];
        double scaled = Math.rint(value * scale);
        if (Math.abs(scaled) >= 0x1p52 || scaled / scale != value) {
            return writeAscii(out, at, decimals == 0 && value == Math.rint(value) && Math.abs(value) < 0x1p63
                    ? Long.toString((long) value) : Double.toString(value));
        }
        long units = (long) Math.abs(scaled);
        if (Double.doubleToRawLongBits(value) < 0) {
            out[at++] = '-';
        }
        if (decimals == 0) {
            return writeLong(out, at, units);
        }
        long whole = units / (long) scale;
        int fraction = (int) (units - whole * (long) scale);
        at = writeLong(out, at, whole);
        out[at++] = '.';
        if (decimals == 1) {
            out[at++] = (byte) ('0' + fraction);
        } else {
            out[at++] = (byte) ('0' + fraction / 10);
            if (fraction % 10 != 0) {
                out[at++] = (byte) ('0' + fraction % 10);
            }
        }
        return at;
    }

    /** Writes a non-negative integer's decimal digits. */
    private static int writeLong(byte[] out, int at, long value) {
        if (value < 10) {
            out[at] = (byte) ('0' + value);
            return at + 1;
        }
        int digits = 1;
        for (long rest = value / 10; rest != 0; rest /= 10) {
            digits++;
        }
        long rest = value;
        for (int i = at + digits - 1; i >= at; i--) {
            out[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        return at + digits;
    }

    private static int writeAscii(byte[] out, int at, String text) {
        for (int i = 0; i < text.length(); i++) {
            out[at++] = (byte) text.charAt(i);
        }
        return at;
    }
}
