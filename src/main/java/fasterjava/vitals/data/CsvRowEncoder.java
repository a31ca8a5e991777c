package fasterjava.vitals.data;

import fasterjava.vitals.Vital;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

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
    /** 10^decimals for the decimals the generator uses (0 for counts, 1 or 2 for the normal columns). */
    private static final double[] SCALES = {1, 10, 100};
    /** Scaled values below this are exact integers, and the rounding trick below is exact for them. */
    private static final double LARGEST_EXACT = 0x1p51;
    private static final double ROUNDING = 0x1.8p52;
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;

    private final int[] decimals = new int[Vital.values().length];
    private final byte[] bytes;

    CsvRowEncoder(int capacity) {
        bytes = new byte[Math.max(capacity, MAX_ROW_BYTES)];
        for (Vital vital : Vital.values()) {
            decimals[vital.ordinal()] = VitalsRecipe.decimals(vital);
        }
    }

    /** Encodes a block's rows straight to {@code out} through this encoder's buffer (its capacity). */
    void write(VitalsBlock block, OutputStream out) throws IOException {
        int rowsPerFill = bytes.length / MAX_ROW_BYTES;
        for (int row = 0; row < block.rows(); row += rowsPerFill) {
            int to = Math.min(block.rows(), row + rowsPerFill);
            boolean generated = true;
            for (int vital = 0; vital < decimals.length && generated; vital++) {
                generated = allGenerated(block.values()[vital], row, to, decimals[vital]);
            }
            out.write(bytes, 0, generated ? encodeRows(block, row, to) : encodeAnyRows(block, row, to));
        }
    }

    /**
     * Whether every value in {@code column[from..to)} is missing or a whole multiple of 10^−decimals exactly as
     * the generator makes them ({@code rint(v·10^d) / 10^d == v}): checked on vector lanes for a whole stretch of
     * rows, because a division per value, one at a time, took a third of the encoding time.
     */
    static boolean allGenerated(double[] column, int from, int to, int decimals) {
        double scale = SCALES[decimals];
        int i = from;
        for (; i + DOUBLES.length() <= to; i += DOUBLES.length()) {
            DoubleVector value = DoubleVector.fromArray(DOUBLES, column, i);
            DoubleVector scaled = value.mul(scale);
            // rint by adding and subtracting 1.5·2^52 (exact below 2^51; larger values fail the check and so
            // are written the careful way); sign of zero aside, which does not change the quotient's equality.
            DoubleVector rounded = scaled.add(ROUNDING).sub(ROUNDING);
            VectorMask<Double> fine = rounded.div(scale).compare(VectorOperators.EQ, value)
                    .and(scaled.abs().compare(VectorOperators.LT, LARGEST_EXACT))
                    .or(value.test(VectorOperators.IS_NAN));
            if (!fine.allTrue()) {
                return false;
            }
        }
        for (; i < to; i++) {
            double value = column[i];
            if (!Double.isNaN(value) && !isGenerated(value, scale)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isGenerated(double value, double scale) {
        double scaled = Math.rint(value * scale);
        return Math.abs(scaled) < LARGEST_EXACT && scaled / scale == value;
    }

    /** {@link #encodeRows} for values that may not come from the generator: each is checked. */
    private int encodeAnyRows(VitalsBlock block, int fromRow, int toRow) {
        double[][] values = block.values();
        byte[] out = bytes;
        int at = 0;
        for (int row = fromRow; row < toRow; row++) {
            at = writeLong(out, at, block.firstPatient() + row / block.days());
            out[at++] = ',';
            at = writeLong(out, at, row % block.days());
            for (int vital = 0; vital < values.length; vital++) {
                out[at++] = ',';
                at = writeValue(out, at, values[vital][row], decimals[vital]);
            }
            out[at++] = '\n';
        }
        return at;
    }

    /**
     * Encodes rows [fromRow, toRow), all of whose values are generated ones ({@link #allGenerated}), into the
     * buffer from its start; returns the bytes written.
     */
    private int encodeRows(VitalsBlock block, int fromRow, int toRow) {
        double[][] values = block.values();
        int days = block.days();
        byte[] out = bytes;
        int at = 0;
        // Patient and day are counted along rather than divided out of the row number on every row.
        int patient = block.firstPatient() + fromRow / days;
        int day = fromRow % days;
        for (int row = fromRow; row < toRow; row++) {
            at = writeLong(out, at, patient);
            out[at++] = ',';
            at = writeLong(out, at, day);
            for (int vital = 0; vital < values.length; vital++) {
                out[at++] = ',';
                double value = values[vital][row];
                if (!Double.isNaN(value)) {
                    at = writeGenerated(out, at, value, decimals[vital]);
                }
            }
            out[at++] = '\n';
            if (++day == days) {
                day = 0;
                patient++;
            }
        }
        return at;
    }

    /**
     * Writes {@code value} as its shortest decimal, or nothing if it is missing: a generated value (a whole
     * multiple of 10^−decimals) by its digits, anything else by {@code Double.toString}; a count (0 decimals)
     * without a decimal point.
     */
    static int writeValue(byte[] out, int at, double value, int decimals) {
        if (Double.isNaN(value)) {
            return at;
        }
        if (!isGenerated(value, SCALES[decimals])) {
            return writeAscii(out, at, Double.toString(value));
        }
        return writeGenerated(out, at, value, decimals);
    }

    /** Writes a generated, present value with {@code decimals} decimals as its shortest decimal. */
    private static int writeGenerated(byte[] out, int at, double value, int decimals) {
        long units = (long) Math.abs(Math.rint(value * SCALES[decimals]));
        if (Double.doubleToRawLongBits(value) < 0) {
            out[at++] = '-';
        }
        // Constant divisors, which the JIT turns into multiplications.
        switch (decimals) {
            case 0 -> {
                return writeLong(out, at, units);
            }
            case 1 -> {
                at = writeLong(out, at, units / 10);
                out[at] = '.';
                out[at + 1] = (byte) ('0' + units % 10);
                return at + 2;
            }
            default -> {
                at = writeLong(out, at, units / 100);
                int fraction = (int) (units % 100);
                out[at] = '.';
                out[at + 1] = (byte) ('0' + fraction / 10);
                if (fraction % 10 == 0) {
                    return at + 2;
                }
                out[at + 2] = (byte) ('0' + fraction % 10);
                return at + 3;
            }
        }
    }

    /** Writes a non-negative integer's decimal digits (the short ones of this data set without a loop). */
    private static int writeLong(byte[] out, int at, long value) {
        if (value < 10) {
            out[at] = (byte) ('0' + value);
            return at + 1;
        }
        if (value < 100) {
            out[at] = (byte) ('0' + value / 10);
            out[at + 1] = (byte) ('0' + value % 10);
            return at + 2;
        }
        if (value < 1000) {
            out[at] = (byte) ('0' + value / 100);
            out[at + 1] = (byte) ('0' + value / 10 % 10);
            out[at + 2] = (byte) ('0' + value % 10);
            return at + 3;
        }
        int digits = 4;
        for (long rest = value / 10_000; rest != 0; rest /= 10) {
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
