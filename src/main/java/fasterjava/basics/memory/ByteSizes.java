package fasterjava.basics.memory;

import java.util.Locale;

/** Sizes in binary units for tables and charts: {@code 4 KiB}, {@code 5.66 KiB}, {@code 256 MiB}. */
final class ByteSizes {
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

    private ByteSizes() {
    }

    static String format(long bytes) {
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        String number = value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : "%.2f", value);
        return number + " " + UNITS[unit];
    }
}
