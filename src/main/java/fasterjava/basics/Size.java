package fasterjava.basics;

import java.util.Locale;

/**
 * How much work a basics topic does. {@code tiny} is what tests and the notebooks' CI run (seconds per topic);
 * {@code small} is the workshop default (under a minute per topic); {@code full} goes as far as the topic's claim
 * needs (minutes).
 */
public enum Size {
    TINY, SMALL, FULL;

    /** Parses {@code tiny|small|full}, case-insensitively, with a clear error otherwise. */
    public static Size parse(String name) {
        for (Size size : values()) {
            if (size.name().equalsIgnoreCase(name.trim())) {
                return size;
            }
        }
        throw new IllegalArgumentException("unknown size '" + name + "': expected tiny, small or full");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
