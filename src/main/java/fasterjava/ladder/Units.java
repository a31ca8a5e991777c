package fasterjava.ladder;

import java.util.Locale;

/** Human-readable durations and ratios for tables and charts. */
public final class Units {
    private Units() {
    }

    /** {@code 35 ms}, {@code 1.70 µs}, {@code 210 ns}: three significant digits in the largest fitting unit. */
    public static String nanos(double nanos) {
        if (Double.isNaN(nanos)) {
            return "-";
        }
        if (nanos >= 1e9) {
            return significant(nanos / 1e9) + " s";
        }
        if (nanos >= 1e6) {
            return significant(nanos / 1e6) + " ms";
        }
        if (nanos >= 1e3) {
            return significant(nanos / 1e3) + " µs";
        }
        return significant(nanos) + " ns";
    }

    /** {@code 1.0x}, {@code 52.3x}, {@code 182,450x}. */
    public static String ratio(double ratio) {
        if (Double.isNaN(ratio) || Double.isInfinite(ratio)) {
            return "-";
        }
        if (ratio >= 1000) {
            return String.format(Locale.ROOT, "%,.0fx", ratio);
        }
        return String.format(Locale.ROOT, ratio >= 100 ? "%.0fx" : ratio >= 10 ? "%.1fx" : "%.2fx", ratio);
    }

    private static String significant(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : "%.2f", value);
    }
}
